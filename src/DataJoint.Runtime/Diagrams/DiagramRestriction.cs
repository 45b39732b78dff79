namespace DataJoint;

/// <summary>
/// <see cref="Diagram.Restrict"/>'s rows (docs/diagrams.md#restrict): each seed's own restriction, propagated downstream
/// with AND where paths meet — a row is kept only when it refers to kept rows through every foreign key from a
/// restricted parent. Unlike the cascade, tables that no seed reaches stay unrestricted.
/// </summary>
internal sealed class DiagramRestriction : IRowPropagation
{
    private readonly DependencyGraph _graph;
    private readonly IReadOnlyDictionary<TableName, IReadOnlyList<Table>> _seeds;
    private readonly HashSet<TableName> _members;

    public DiagramRestriction(DependencyGraph graph, IReadOnlyDictionary<TableName, IReadOnlyList<Table>> seeds)
    {
        _graph = graph;
        _seeds = seeds;
        Members = graph.DescendantsInTopologicalOrder(seeds.Keys);
        _members = [.. Members];
    }

    public IReadOnlyList<TableName> Members { get; }

    /// <summary>This restriction with one more seed.</summary>
    public static DiagramRestriction With(DiagramRestriction? current, DependencyGraph graph, TableName table, Table seed)
    {
        var seeds = current?._seeds.ToDictionary(p => p.Key, p => p.Value) ?? [];
        seeds[table] = seeds.TryGetValue(table, out var earlier) ? [.. earlier, seed] : [seed];
        return new DiagramRestriction(graph, seeds);
    }

    public void AppendCondition(SqlBuilder sql, TableName table)
    {
        var terms = 0;
        foreach (var seed in _seeds.TryGetValue(table, out var own) ? own : [])
        {
            if (!seed.HasWhere) continue;
            if (terms++ > 0) sql.Append(" AND ");
            sql.Append('(');
            seed.AppendConditionsOnly(sql);
            sql.Append(')');
        }

        foreach (var edge in _graph.ParentsOf(table).Where(e => _members.Contains(e.Parent) && e.Parent != table))
        {
            if (terms++ > 0) sql.Append(" AND ");
            ForeignKeyStep.AppendDown(sql, edge, s => AppendCondition(s, edge.Parent));
        }

        if (terms == 0) sql.Append("1 = 1");
    }
}
