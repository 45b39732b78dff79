namespace DataJoint;

/// <summary>
/// <see cref="Diagram.Trace"/>'s rows (docs/diagrams.md#trace): the seed's own restriction, propagated upstream with OR
/// where paths meet — an ancestor row is kept when some kept row below refers to it through some foreign key. When the
/// seed is restricted by a key whose attributes all belong to a parent's primary key (a Make's key: its rows are not
/// inserted yet), that parent is restricted by the key itself, as DataJoint copies such restrictions.
/// </summary>
internal sealed class UpstreamTrace : IRowPropagation
{
    private readonly Table _seedTable;
    private readonly TableName _seed;
    private readonly DependencyGraph _graph;
    private readonly HashSet<TableName> _members;
    private readonly IReadOnlyDictionary<TableName, IReadOnlyList<string>> _primaryKeys;
    private readonly IReadOnlyCollection<string>? _seedKeyAttributes;

    /// <param name="seedTable">The seed, restricted or not.</param>
    /// <param name="graph">Foreign keys upstream of the seed.</param>
    /// <param name="primaryKeys">Primary keys of the seed's ancestors.</param>
    /// <param name="seedKeyAttributes">The attributes the seed's restriction constrains, when it is a key restriction; otherwise null.</param>
    public UpstreamTrace(Table seedTable, DependencyGraph graph, IReadOnlyDictionary<TableName, IReadOnlyList<string>> primaryKeys,
        IReadOnlyCollection<string>? seedKeyAttributes)
    {
        _seedTable = seedTable;
        _seed = new TableName(seedTable.Schema.Name, seedTable.SqlTableName);
        _graph = graph;
        _primaryKeys = primaryKeys;
        _seedKeyAttributes = seedKeyAttributes;
        Members = graph.AncestorsInTopologicalOrder(_seed);
        _members = [.. Members];
    }

    public IReadOnlyList<TableName> Members { get; }

    private Action<SqlBuilder>? ConditionOn(TableName table) =>
        table == _seed && !_seedTable.HasWhere ? null : sql => AppendCondition(sql, table);

    /// <summary>DataJoint's copy rule: an unrenamed key whose parent's primary key holds every attribute of the seed's key.</summary>
    private bool KeyCopiesTo(ForeignKeyEdge edge) =>
        _seedKeyAttributes is { Count: > 0 } key && _seedTable.HasWhere && !edge.Aliased
        && _primaryKeys.TryGetValue(edge.Parent, out var parentKey) && key.All(parentKey.Contains);

    public void AppendCondition(SqlBuilder sql, TableName table)
    {
        if (table == _seed)
        {
            if (!_seedTable.HasWhere)
            {
                sql.Append("1 = 1");
                return;
            }

            sql.Append('(');
            _seedTable.AppendConditionsOnly(sql);
            sql.Append(')');
            return;
        }

        var alternatives = 0;
        foreach (var edge in _graph.ChildrenOf(table).Where(e => _members.Contains(e.Child) && e.Child != table))
        {
            if (alternatives++ > 0) sql.Append(" OR ");
            if (edge.Child == _seed && KeyCopiesTo(edge))
            {
                sql.Append('(');
                _seedTable.AppendConditionsOnly(sql);
                sql.Append(')');
            }
            else
            {
                ForeignKeyStep.AppendUp(sql, edge, ConditionOn(edge.Child));
            }
        }

        if (alternatives == 0) sql.Append("1 = 0");
    }
}
