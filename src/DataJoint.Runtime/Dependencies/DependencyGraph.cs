namespace DataJoint;

/// <summary>
/// The foreign-key graph around a table, loaded from the database (docs/semantics.md#dependencies): downstream follows foreign
/// keys into the schemas of child tables, upstream into the schemas of parent tables; internal <c>~</c> tables are
/// left out.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<TableName, List<ForeignKeyEdge>> _children = [];
    private readonly Dictionary<TableName, List<ForeignKeyEdge>> _parents = [];

    // A foreign key read by both directions' queries (a key within one schema) is added once.
    private readonly HashSet<(TableName Child, string Constraint)> _constraints = [];

    private DependencyGraph() { }

    /// <summary>Loads every foreign key whose parent is in the seed's schema or, transitively, in a downstream schema.</summary>
    public static ValueTask<DependencyGraph> LoadDownstream(Connection connection, string schema, bool sync, CancellationToken cancellationToken) =>
        Load(connection, schema, upstream: false, sync, cancellationToken);

    /// <summary>Loads every foreign key declared in the seed's schema or, transitively, in an upstream schema.</summary>
    public static ValueTask<DependencyGraph> LoadUpstream(Connection connection, string schema, bool sync, CancellationToken cancellationToken) =>
        Load(connection, schema, upstream: true, sync, cancellationToken);

    /// <summary>
    /// Loads both directions from <paramref name="schema"/>: every foreign key upstream and downstream of its tables,
    /// across schemas (what a diagram can expand into).
    /// </summary>
    public static async ValueTask<DependencyGraph> LoadAround(Connection connection, string schema, bool sync, CancellationToken cancellationToken)
    {
        var graph = new DependencyGraph();
        await graph.Add(connection, schema, upstream: true, sync, cancellationToken).ConfigureAwait(false);
        await graph.Add(connection, schema, upstream: false, sync, cancellationToken).ConfigureAwait(false);
        return graph;
    }

    private static async ValueTask<DependencyGraph> Load(Connection connection, string schema, bool upstream, bool sync, CancellationToken cancellationToken)
    {
        var graph = new DependencyGraph();
        await graph.Add(connection, schema, upstream, sync, cancellationToken).ConfigureAwait(false);
        return graph;
    }

    private async ValueTask Add(Connection connection, string schema, bool upstream, bool sync, CancellationToken cancellationToken)
    {
        var query = upstream ? connection.Adapter.ForeignKeysDeclaredIn : connection.Adapter.ForeignKeysReferencing;
        var pending = new Queue<string>([schema]);
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var current))
        {
            if (!loaded.Add(current)) continue;
            var rows = await SyncOrAsync.ReadAll(connection, new SqlStatement(query, [current]),
                $"Reading the foreign keys {(upstream ? "declared in" : "referencing")} schema `{current}`", r => (
                    Child: new TableName(r.GetString(0), r.GetString(1)), Constraint: r.GetString(2), ChildColumn: r.GetString(3),
                    Parent: new TableName(r.GetString(4), r.GetString(5)), ParentColumn: r.GetString(6)), sync, cancellationToken).ConfigureAwait(false);
            foreach (var group in rows.Where(r => !r.Child.Table.StartsWith('~')).GroupBy(r => (r.Child, r.Constraint, r.Parent)))
            {
                pending.Enqueue(upstream ? group.Key.Parent.Schema : group.Key.Child.Schema);
                AddEdge(new ForeignKeyEdge(group.Key.Child, group.Key.Parent,
                    group.Select(r => r.ChildColumn).ToList(), group.Select(r => r.ParentColumn).ToList(), group.Key.Constraint));
            }
        }
    }

    private void AddEdge(ForeignKeyEdge edge)
    {
        if (!_constraints.Add((edge.Child, edge.Constraint))) return;
        Add(_children, edge.Parent, edge);
        Add(_parents, edge.Child, edge);
    }

    /// <summary>A graph with the foreign keys of both (each once).</summary>
    public DependencyGraph Union(DependencyGraph other)
    {
        if (ReferenceEquals(this, other)) return this;
        var union = new DependencyGraph();
        foreach (var edge in Edges.Concat(other.Edges)) union.AddEdge(edge);
        return union;
    }

    private static void Add(Dictionary<TableName, List<ForeignKeyEdge>> map, TableName key, ForeignKeyEdge edge)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(edge);
    }

    public IReadOnlyList<ForeignKeyEdge> ChildrenOf(TableName table) => _children.TryGetValue(table, out var edges) ? edges : [];

    public IReadOnlyList<ForeignKeyEdge> ParentsOf(TableName table) => _parents.TryGetValue(table, out var edges) ? edges : [];

    /// <summary>Every table that takes part in some foreign key.</summary>
    public IEnumerable<TableName> Tables => _children.Keys.Union(_parents.Keys);

    /// <summary>Every foreign key, grouped by child.</summary>
    public IEnumerable<ForeignKeyEdge> Edges => _parents.Values.SelectMany(e => e);

    /// <summary>
    /// The tables of one schema, parents first, each part right after its master (a part's other parents are
    /// ordered before its master, as DataJoint does).
    /// </summary>
    public IReadOnlyList<string> TopologicalOrder(string schema, IReadOnlyList<string> tables)
    {
        var names = tables.ToHashSet(StringComparer.Ordinal);
        string? MasterOf(string table) => new TableName(schema, table).Master is { } m && names.Contains(m.Table) ? m.Table : null;
        string Node(string table) => MasterOf(table) ?? table;
        var dependsOn = tables.Where(t => MasterOf(t) is null).ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var edge in ParentsOf(new TableName(schema, table)).Where(e => e.Parent.Schema == schema && names.Contains(e.Parent.Table)))
            {
                var child = Node(table);
                var parent = Node(edge.Parent.Table);
                if (child != parent) dependsOn[child].Add(parent);
            }
        }

        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (done.Count < dependsOn.Count)
        {
            var next = dependsOn.Keys.Where(t => !done.Contains(t) && dependsOn[t].All(done.Contains)).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw new DataJointException($"DataJoint can only work with acyclic dependencies: the foreign keys of schema `{schema}` form a cycle.");
            done.Add(next);
            order.Add(next);
            order.AddRange(tables.Where(t => MasterOf(t) == next).Order(StringComparer.Ordinal));
        }

        return order;
    }

    /// <summary>The seeds and all their descendants, parents before children.</summary>
    public IReadOnlyList<TableName> DescendantsInTopologicalOrder(params IEnumerable<TableName> seeds) =>
        InTopologicalOrder(Closure(seeds, ChildrenOf, e => e.Child));

    private static HashSet<TableName> Closure(IEnumerable<TableName> seeds, Func<TableName, IReadOnlyList<ForeignKeyEdge>> edgesOf,
        Func<ForeignKeyEdge, TableName> next)
    {
        var members = new HashSet<TableName>(seeds);
        var queue = new Queue<TableName>(members);
        while (queue.TryDequeue(out var table))
        {
            foreach (var edge in edgesOf(table))
            {
                if (members.Add(next(edge))) queue.Enqueue(next(edge));
            }
        }

        return members;
    }

    /// <summary>The seeds and all their ancestors, parents before children.</summary>
    public IReadOnlyList<TableName> AncestorsInTopologicalOrder(params IEnumerable<TableName> seeds) => InTopologicalOrder(Closure(seeds, ParentsOf, e => e.Parent));

    /// <summary>Kahn's algorithm on the subgraph of <paramref name="tables"/>; ties broken by name so the order is stable.</summary>
    public IReadOnlyList<TableName> InTopologicalOrder(IEnumerable<TableName> tables)
    {
        var members = tables as HashSet<TableName> ?? [.. tables];
        var indegree = members.ToDictionary(m => m, m => ParentsOf(m).Count(e => members.Contains(e.Parent) && e.Parent != m));
        var ready = new Queue<TableName>(members.Where(m => indegree[m] == 0).OrderBy(m => m.ToString(), StringComparer.Ordinal));
        var order = new List<TableName>();
        while (ready.TryDequeue(out var table))
        {
            order.Add(table);
            foreach (var edge in ChildrenOf(table).Where(e => e.Child != table && members.Contains(e.Child)).OrderBy(e => e.Child.ToString(), StringComparer.Ordinal))
            {
                if (--indegree[edge.Child] == 0) ready.Enqueue(edge.Child);
            }
        }

        if (order.Count != members.Count)
        {
            throw new DataJointException("DataJoint can only work with acyclic dependencies: the foreign keys among "
                + $"{string.Join(", ", members.Except(order).Select(m => m.ToString()).Order(StringComparer.Ordinal))} form a cycle.");
        }

        return order;
    }

    /// <summary>The shortest chain of foreign keys from <paramref name="table"/> up to <paramref name="ancestor"/> (child first), or null.</summary>
    public IReadOnlyList<ForeignKeyEdge>? PathUp(TableName table, TableName ancestor)
    {
        var via = new Dictionary<TableName, ForeignKeyEdge>();
        var queue = new Queue<TableName>([table]);
        var seen = new HashSet<TableName> { table };
        while (queue.TryDequeue(out var current))
        {
            if (current == ancestor)
            {
                var path = new List<ForeignKeyEdge>();
                for (var at = ancestor; at != table; at = via[at].Child) path.Add(via[at]);
                path.Reverse();
                return path;
            }

            foreach (var edge in ParentsOf(current).OrderBy(e => e.Parent.ToString(), StringComparer.Ordinal))
            {
                if (!seen.Add(edge.Parent)) continue;
                via[edge.Parent] = edge;
                queue.Enqueue(edge.Parent);
            }
        }

        return null;
    }
}
