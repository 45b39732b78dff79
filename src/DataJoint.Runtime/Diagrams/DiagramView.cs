namespace DataJoint;

/// <summary>
/// What a diagram draws, independent of the output format: one node per shown table (or one per collapsed schema),
/// grouped by schema, and one edge per foreign key between shown nodes. DOT and Mermaid are written from it.
/// </summary>
internal sealed class DiagramView
{
    /// <summary>A drawn node: a table, or a collapsed schema (<see cref="Tier"/> null).</summary>
    public sealed record Node(string Id, string Label, string Schema, TableTier? Tier, bool Distinguished, int CollapsedTables, string? FullName);

    /// <summary>A drawn foreign key.</summary>
    public sealed record Edge(string From, string To, bool Primary, bool Aliased, bool Multi, bool MasterToPart, string? Renames);

    public required IReadOnlyList<Node> Nodes { get; init; }

    public required IReadOnlyList<Edge> Edges { get; init; }

    public required DiagramDirection Direction { get; init; }

    /// <summary>The nodes grouped by schema, schemas in order of first appearance.</summary>
    public IEnumerable<IGrouping<string, Node>> Clusters => Nodes.GroupBy(n => n.Schema, StringComparer.Ordinal);

    public static DiagramView Build(DiagramGraph graph, IReadOnlyCollection<TableName> shown, IReadOnlySet<TableName> expanded, DiagramDirection direction)
    {
        var order = graph.Dependencies.InTopologicalOrder(shown).Concat(shown.OrderBy(t => t.ToString(), StringComparer.Ordinal)).Distinct().ToList();
        var collapsed = order.Where(t => !expanded.Contains(t)).GroupBy(t => t.Schema, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string IdOf(TableName t) => expanded.Contains(t) ? t.ToString() : "schema " + t.Schema;

        var nodes = new List<Node>();
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in order)
        {
            var id = IdOf(table);
            if (!added.Add(id)) continue;
            nodes.Add(expanded.Contains(table)
                ? new Node(id, DiagramGraph.ClassNameOf(table), table.Schema, DiagramGraph.TierOf(table), Distinguished(graph, table), 0,
                    graph.Connection.Adapter.QualifiedName(table.Schema, table.Table))
                : new Node(id, collapsed[table.Schema] == 1 ? "(1 table)" : $"({collapsed[table.Schema]} tables)", table.Schema, null, false,
                    collapsed[table.Schema], null));
        }

        var shownSet = shown as IReadOnlySet<TableName> ?? shown.ToHashSet();
        var edges = new List<Edge>();
        var mergedPairs = new HashSet<(string, string)>();
        foreach (var table in order)
        {
            foreach (var fk in graph.Dependencies.ParentsOf(table).Where(e => shownSet.Contains(e.Parent)))
            {
                var from = IdOf(fk.Parent);
                var to = IdOf(fk.Child);
                if (from == to) continue;
                // Many tables drawn as one schema box: one arrow per pair of boxes; between two tables every key is its own edge.
                if ((!expanded.Contains(fk.Parent) || !expanded.Contains(fk.Child)) && !mergedPairs.Add((from, to))) continue;
                var childKey = graph.PrimaryKeys[fk.Child];
                var primary = fk.ChildColumns.All(childKey.Contains);
                var renames = fk.Aliased
                    ? string.Join("; ", fk.ChildColumns.Zip(fk.ParentColumns).Where(p => p.First != p.Second).Select(p => $"{p.First} ← {p.Second}"))
                    : null;
                edges.Add(new Edge(from, to, primary, fk.Aliased, Multi: !(primary && fk.ChildColumns.Count == childKey.Count),
                    MasterToPart: fk.Child.Master == fk.Parent, renames));
            }
        }

        return new DiagramView { Nodes = nodes, Edges = edges, Direction = direction };
    }

    /// <summary>A table that introduces primary-key attributes of its own (drawn underlined).</summary>
    private static bool Distinguished(DiagramGraph graph, TableName table)
    {
        var key = graph.PrimaryKeys[table];
        var inherited = graph.Dependencies.ParentsOf(table).Where(e => e.ChildColumns.All(key.Contains))
            .SelectMany(e => e.ChildColumns).ToHashSet(StringComparer.Ordinal);
        return key.Count > 0 && key.Any(k => !inherited.Contains(k));
    }
}
