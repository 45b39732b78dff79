using System.ComponentModel;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// How populate calls one table's Make method(s): built by the generated <c>CreateMakeBinding</c> override from
/// direct calls to the user's methods, so no reflection is involved. Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class MakeBinding
{
    private protected MakeBinding()
    {
    }

    /// <summary>The form in use, for messages (<c>Make(Key)</c>, <c>MakeAsync(Key, CancellationToken)</c>, ...); null when none.</summary>
    internal abstract string? Form { get; }

    /// <summary>True for the three-part form (fetch and compute outside the transaction).</summary>
    internal abstract bool IsThreePart { get; }

    /// <summary>Reads the target's primary key from the current row (columns in the target's primary-key order).</summary>
    internal abstract IRecord ReadKey(DbDataReader reader);

    /// <summary>Runs the single-method form.</summary>
    internal abstract ValueTask MakeAsync(AutoPopulated table, IRecord key, bool sync, CancellationToken cancellationToken);

    /// <summary>Three-part form, phase 1.</summary>
    internal abstract ValueTask<object?> FetchAsync(AutoPopulated table, IRecord key, bool sync, CancellationToken cancellationToken);

    /// <summary>Three-part form, phase 2.</summary>
    internal abstract ValueTask<object?> ComputeAsync(AutoPopulated table, IRecord key, object? fetched, bool sync,
        CancellationToken cancellationToken);

    /// <summary>Three-part form, phase 3 (inside the transaction).</summary>
    internal abstract ValueTask InsertAsync(AutoPopulated table, IRecord key, object? computed, bool sync, CancellationToken cancellationToken);

    /// <summary>Throws when the table declares none of the Make forms populate can call.</summary>
    internal void EnsureForm(AutoPopulated table)
    {
        if (Form is null) throw NoForm(table);
    }

    private protected static DataJointException NoForm(AutoPopulated table) => new($"{table.TableDefinition.ClassName} has no Make method populate can call. "
        + "Declare 'void Make(Key key)', 'Task MakeAsync(Key key, CancellationToken ct)', or MakeFetch(Key) → MakeCompute(Key, fetched) → "
        + "MakeInsert(Key, computed) (async phases: MakeFetchAsync/MakeComputeAsync/MakeInsertAsync with a CancellationToken last), "
        + "using the table's own Key type.");

    /// <summary>Waits for a task the user's method returned: blocks in synchronous populate, awaits otherwise.</summary>
    internal static ValueTask Complete(Task task, bool sync)
    {
        if (!sync) return new ValueTask(task);
        task.GetAwaiter().GetResult();
        return default;
    }

    /// <summary>As <see cref="Complete(Task, bool)"/>, with a result.</summary>
    internal static ValueTask<T> Complete<T>(Task<T> task, bool sync) =>
        sync ? new ValueTask<T>(task.GetAwaiter().GetResult()) : new ValueTask<T>(task);
}
