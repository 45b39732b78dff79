using System.Collections;
using System.Collections.Immutable;

namespace DataJoint;

public sealed partial class Diagram : IEnumerable<FreeTable>
{
    /// <summary>
    /// What deleting <paramref name="query"/>'s rows would delete (DataJoint's <c>Diagram.cascade</c>): the table and all its
    /// descendants across schemas, each restricted to the rows the delete would take. The plan is the one
    /// <see cref="Table.Delete(bool?, PartIntegrity)"/> runs, so <see cref="Counts"/> is what a delete then removes
    /// (given no concurrent changes). With <see cref="PartIntegrity.Cascade"/> the affected master keys are read now.
    /// </summary>
    /// <param name="query">A table, restricted or not.</param>
    /// <param name="partIntegrity">As for <see cref="Table.Delete(bool?, PartIntegrity)"/>.</param>
    public static Diagram Cascade(Table query, PartIntegrity partIntegrity = PartIntegrity.Enforce) =>
        SyncOrAsync.Wait(CascadeCore(query, partIntegrity, sync: true, CancellationToken.None));

    /// <summary>As <see cref="Cascade(Table, PartIntegrity)"/> with DataJoint's names <c>enforce</c>, <c>ignore</c>, <c>cascade</c>.</summary>
    public static Diagram Cascade(Table query, string partIntegrity) => Cascade(query, Table.ParsePartIntegrity(partIntegrity, allowCascade: true));

    /// <summary>Asynchronous <see cref="Cascade(Table, PartIntegrity)"/>.</summary>
    public static async Task<Diagram> CascadeAsync(Table query, PartIntegrity partIntegrity = PartIntegrity.Enforce, CancellationToken cancellationToken = default) =>
        await CascadeCore(query, partIntegrity, sync: false, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<Diagram> CascadeCore(Table query, PartIntegrity partIntegrity, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Enum.IsDefined(partIntegrity))
        {
            throw new ArgumentOutOfRangeException(nameof(partIntegrity), partIntegrity, "Use PartIntegrity.Enforce, Ignore or Cascade.");
        }

        var plan = await DeleteCascade.Plan(query, partIntegrity, sync, cancellationToken).ConfigureAwait(false);
        var graph = await DiagramGraph.Of(query.Connection, plan.Graph, plan.Members, sync, cancellationToken).ConfigureAwait(false);
        var shown = plan.Members.ToImmutableHashSet();
        return new Diagram(graph, shown, shown, plan, DiagramMode.Cascade, DiagramDirection.TopToBottom);
    }

    /// <summary>
    /// Restricts the diagram by <paramref name="query"/>'s restriction, propagated to its descendants with AND where
    /// paths meet (a row stays when it refers to kept rows through every restricted parent); chain calls for several
    /// seeds. Sends nothing. Not on a cascade or trace diagram.
    /// </summary>
    /// <param name="query">A table of the diagram, restricted.</param>
    /// <exception cref="InvalidOperationException">The diagram is a cascade or trace.</exception>
    /// <exception cref="ArgumentException">The table is not in the diagram.</exception>
    public Diagram Restrict(Table query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_mode is DiagramMode.Cascade or DiagramMode.Trace)
        {
            throw new InvalidOperationException($"Cannot restrict a diagram made by Diagram.{_mode}: cascade, trace and restrict are separate modes.");
        }

        var name = new TableName(query.Schema.Name, query.SqlTableName);
        if (!_graph.Contains(name)) throw new ArgumentException($"Table {query.FullTableName} is not in the diagram.", nameof(query));
        var rows = DiagramRestriction.With(_rows as DiagramRestriction, _graph.Dependencies, name, query);
        return new Diagram(_graph, _shown, _expanded, rows, DiagramMode.Restrict, Direction);
    }

    /// <summary>The restricted tables' row counts by full table name, parents first (shown tables only).</summary>
    /// <exception cref="InvalidOperationException">The diagram is not a cascade, restriction or trace.</exception>
    public IReadOnlyDictionary<string, long> Counts() => SyncOrAsync.Wait(CountsCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Counts"/>.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken cancellationToken = default) =>
        await CountsCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyDictionary<string, long>> CountsCore(bool sync, CancellationToken cancellationToken)
    {
        var rows = _rows ?? throw new InvalidOperationException("No restriction applied: use Diagram.Cascade(query), Diagram.Trace(query) or diagram.Restrict(query) first.");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in rows.Members.Where(_shown.Contains))
        {
            counts[Qualified(table)] = await RestrictedTable(table).CountCore(sync, cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    /// <summary>
    /// Drops the shown tables without rows: without a restriction, empty tables; after <see cref="Restrict"/>, tables whose
    /// restricted rows are none. Not on a cascade diagram (a delete must keep every descendant, rows may arrive meanwhile).
    /// </summary>
    public Diagram Prune() => SyncOrAsync.Wait(PruneCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Prune"/>.</summary>
    public async Task<Diagram> PruneAsync(CancellationToken cancellationToken = default) => await PruneCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<Diagram> PruneCore(bool sync, CancellationToken cancellationToken)
    {
        if (_mode == DiagramMode.Cascade)
        {
            throw new InvalidOperationException("Prune cannot be used on a diagram made by Diagram.Cascade: it must keep every descendant for a safe delete.");
        }

        var restricted = _rows?.Members.ToHashSet();
        var empty = new List<TableName>();
        foreach (var table in _shown)
        {
            if (restricted is not null && !restricted.Contains(table)) continue;
            if (!await RestrictedTable(table).ExistsCore(sync, cancellationToken).ConfigureAwait(false)) empty.Add(table);
        }

        return With(_shown.Except(empty));
    }

    /// <summary>The shown tables, parents first, each restricted to the diagram's rows (cascade, restriction, trace) or whole.</summary>
    public IEnumerator<FreeTable> GetEnumerator() => ShownInOrder().Select(RestrictedTable).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The shown tables, children first (the order a delete or drop takes them in).</summary>
    public IEnumerable<FreeTable> Reversed() => Enumerable.Reverse(ShownInOrder()).Select(RestrictedTable);

    private FreeTable RestrictedTable(TableName table)
    {
        var free = new FreeTable(_graph.Connection, Qualified(table));
        var rows = _rows;
        if (rows is null || !rows.Members.Contains(table)) return free;
        return (FreeTable)free.WithCondition(new FragmentCondition(sql =>
        {
            sql.Append('(');
            rows.AppendCondition(sql, table);
            sql.Append(')');
        }));
    }
}
