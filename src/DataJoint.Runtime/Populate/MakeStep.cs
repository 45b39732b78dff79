using System.ComponentModel;

namespace DataJoint;

/// <summary>
/// A partly wired three-part Make: the phases found so far and the type of the last phase's result
/// (<typeparamref name="TValue"/>), which the next phase takes. Not meant for user code.
/// </summary>
/// <typeparam name="TTable">The table class.</typeparam>
/// <typeparam name="TKey">Its generated <c>Key</c> record.</typeparam>
/// <typeparam name="TValue">The result of the last phase (<see cref="MakeMissing"/> when a phase is absent).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MakeStep<TTable, TKey, TValue>
    where TTable : AutoPopulated
    where TKey : IRecord
{
    private readonly MakePhase<TTable, TKey>? _fetch;
    private readonly MakePhase<TTable, TKey>? _compute;

    internal MakeStep(MakePhase<TTable, TKey>? fetch, MakePhase<TTable, TKey>? compute)
    {
        _fetch = fetch;
        _compute = compute;
    }

    /// <summary><c>Task&lt;T&gt; MakeComputeAsync(Key key, TFetched fetched, CancellationToken ct)</c>.</summary>
    public MakeStep<TTable, TKey, TComputed> Compute<TComputed>(Func<TTable, TKey, TValue, CancellationToken, Task<TComputed>> compute,
        Func<TTable, TKey, TValue, MakeMissing> absent)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return new(_fetch, async (t, k, input, sync, ct) => await MakeBinding.Complete(compute(t, k, (TValue)input!, ct), sync).ConfigureAwait(false));
    }

    /// <summary><c>Task&lt;T&gt; MakeCompute(Key key, TFetched fetched)</c>.</summary>
    public MakeStep<TTable, TKey, TComputed> Compute<TComputed>(Func<TTable, TKey, TValue, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, TValue, Task<TComputed>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return new(_fetch, async (t, k, input, sync, _) => await MakeBinding.Complete(compute(t, k, (TValue)input!), sync).ConfigureAwait(false));
    }

    /// <summary><c>T MakeCompute(Key key, TFetched fetched)</c>.</summary>
    public MakeStep<TTable, TKey, TComputed> Compute<TComputed>(Func<TTable, TKey, TValue, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, TValue, TComputed> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return new(_fetch, (t, k, input, _, _) => new ValueTask<object?>(compute(t, k, (TValue)input!)));
    }

    /// <summary>No compute phase.</summary>
    public MakeStep<TTable, TKey, MakeMissing> Compute(Func<TTable, TKey, TValue, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, TValue, MakeMissing> absentWithoutToken) => new(_fetch, null);

    /// <summary><c>Task MakeInsertAsync(Key key, TComputed computed, CancellationToken ct)</c>.</summary>
    public MakeThreePart<TTable, TKey> Insert(Func<TTable, TKey, TValue, CancellationToken, Task> insert, Func<TTable, TKey, TValue, MakeMissing> absent)
    {
        ArgumentNullException.ThrowIfNull(insert);
        return new(_fetch, _compute, async (t, k, input, sync, ct) =>
        {
            await MakeBinding.Complete(insert(t, k, (TValue)input!, ct), sync).ConfigureAwait(false);
            return null;
        });
    }

    /// <summary><c>void MakeInsert(Key key, TComputed computed)</c>.</summary>
    public MakeThreePart<TTable, TKey> Insert(Func<TTable, TKey, TValue, CancellationToken, MakeMissing> absent, Action<TTable, TKey, TValue> insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        return new(_fetch, _compute, (t, k, input, _, _) =>
        {
            insert(t, k, (TValue)input!);
            return new ValueTask<object?>((object?)null);
        });
    }

    /// <summary><c>Task MakeInsert(Key key, TComputed computed)</c>.</summary>
    public MakeThreePart<TTable, TKey> Insert(Func<TTable, TKey, TValue, CancellationToken, MakeMissing> absent, Func<TTable, TKey, TValue, Task> insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        return new(_fetch, _compute, async (t, k, input, sync, _) =>
        {
            await MakeBinding.Complete(insert(t, k, (TValue)input!), sync).ConfigureAwait(false);
            return null;
        });
    }

    /// <summary>No insert phase.</summary>
    public MakeThreePart<TTable, TKey> Insert(Func<TTable, TKey, TValue, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, TValue, MakeMissing> absentWithoutToken) => new(_fetch, _compute, null);
}
