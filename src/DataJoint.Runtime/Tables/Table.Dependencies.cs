namespace DataJoint;

public abstract partial class Table
{
    /// <summary>The tables this table's foreign keys refer to, each once (docs/semantics.md#dependencies), read from the database.</summary>
    /// <param name="primary">True: only parents referenced by primary-key attributes; false: only by secondary ones; null: all.</param>
    public IReadOnlyList<FreeTable> Parents(bool? primary = null) => Distinct(ParentForeignKeys(primary).Select(k => k.Parent));

    /// <summary>The tables whose foreign keys refer to this table, each once, across schemas.</summary>
    /// <param name="primary">True: only children whose reference is part of their primary key; false: only secondary; null: all.</param>
    public IReadOnlyList<FreeTable> Children(bool? primary = null) => Distinct(ChildForeignKeys(primary).Select(k => k.Child));

    /// <summary>The foreign keys this table declares, with their attribute maps.</summary>
    /// <param name="primary">Filter as in <see cref="Parents"/>.</param>
    public IReadOnlyList<ForeignKeyInfo> ParentForeignKeys(bool? primary = null)
    {
        var self = new TableName(Schema.Name, SqlTableName);
        var graph = DependencyGraph.LoadUpstream(Connection, Schema.Name);
        return Describe(graph.ParentsOf(self), primary);
    }

    /// <summary>The foreign keys that refer to this table, with their attribute maps.</summary>
    /// <param name="primary">Filter as in <see cref="Children"/>.</param>
    public IReadOnlyList<ForeignKeyInfo> ChildForeignKeys(bool? primary = null)
    {
        var self = new TableName(Schema.Name, SqlTableName);
        var graph = DependencyGraph.LoadDownstream(Connection, Schema.Name);
        return Describe(graph.ChildrenOf(self), primary);
    }

    /// <summary>This table and every table it depends on, directly or not, parents first.</summary>
    public IReadOnlyList<FreeTable> Ancestors()
    {
        var self = new TableName(Schema.Name, SqlTableName);
        return Bind(DependencyGraph.LoadUpstream(Connection, Schema.Name).AncestorsInTopologicalOrder(self));
    }

    /// <summary>This table and every table that depends on it, directly or not and across schemas, parents first.</summary>
    public IReadOnlyList<FreeTable> Descendants()
    {
        var self = new TableName(Schema.Name, SqlTableName);
        return Bind(DependencyGraph.LoadDownstream(Connection, Schema.Name).DescendantsInTopologicalOrder(self));
    }

    /// <summary>The part tables of this table (named <c>master__part</c> in its schema), by name.</summary>
    public IReadOnlyList<FreeTable> Parts()
    {
        var self = new TableName(Schema.Name, SqlTableName);
        var tables = Connection.ReadAll(new SqlStatement(Connection.Adapter.ListTables, [Schema.Name]), $"Listing tables of `{Schema.Name}`",
            r => new TableName(Schema.Name, r.GetString(0)));
        return Bind(tables.Where(t => t.Master == self).OrderBy(t => t.Table, StringComparer.Ordinal));
    }

    private List<ForeignKeyInfo> Describe(IEnumerable<ForeignKeyEdge> edges, bool? primary)
    {
        var bound = new Dictionary<TableName, FreeTable>();
        FreeTable Get(TableName name) => bound.TryGetValue(name, out var table) ? table : bound[name] = Bind(name);
        var keys = new List<ForeignKeyInfo>();
        foreach (var edge in edges)
        {
            var child = Get(edge.Child);
            var childKey = child.Heading.PrimaryKey;
            var isPrimary = edge.ChildColumns.All(childKey.Contains);
            if (primary is { } wanted && wanted != isPrimary) continue;
            var map = edge.ChildColumns.Zip(edge.ParentColumns, KeyValuePair.Create).ToList();
            keys.Add(new ForeignKeyInfo(child, Get(edge.Parent), map, isPrimary,
                Aliased: map.Any(p => p.Key != p.Value),
                Multi: !(edge.ChildColumns.Count == childKey.Count && isPrimary)));
        }

        return keys;
    }

    private FreeTable Bind(TableName name) => new(Connection, Connection.Adapter.QualifiedName(name.Schema, name.Table));

    private List<FreeTable> Bind(IEnumerable<TableName> names) => names.Select(Bind).ToList();

    private static List<FreeTable> Distinct(IEnumerable<FreeTable> tables) =>
        tables.DistinctBy(t => t.FullTableName, StringComparer.Ordinal).ToList();
}
