using System.Text;

namespace DataJoint;

/// <summary>Writes a <see cref="DiagramView"/> as a Mermaid flowchart, styled as DataJoint styles it (docs/diagrams.md#styles).</summary>
internal static class MermaidWriter
{
    public static string Write(DiagramView view)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in view.Nodes)
        {
            var id = SafeId(node.Id);
            for (var n = 2; !used.Add(id); n++) id = SafeId(node.Id) + "_" + n;
            ids[node.Id] = id;
        }

        var lines = new List<string>
        {
            "flowchart " + (view.Direction == DiagramDirection.LeftToRight ? "LR" : "TB"),
            "    classDef manual fill:#90EE90,stroke:#006400",
            "    classDef lookup fill:#D3D3D3,stroke:#696969",
            "    classDef computed fill:#FFB6C1,stroke:#8B0000",
            "    classDef imported fill:#ADD8E6,stroke:#00008B",
            "    classDef part fill:#FFFFFF,stroke:#000000",
            "    classDef collapsed fill:#808080,stroke:#404040",
            "",
        };
        foreach (var cluster in view.Clusters)
        {
            lines.Add($"    subgraph {SafeId("schema " + cluster.Key)}[\"{Text(cluster.Key)}\"]");
            foreach (var node in cluster)
            {
                var (open, close, cls) = node.Tier switch
                {
                    TableTier.Manual => ("[", "]", "manual"),
                    TableTier.Lookup => ("[", "]", "lookup"),
                    TableTier.Computed => ("([", "])", "computed"),
                    TableTier.Imported => ("([", "])", "imported"),
                    TableTier.Part => ("[", "]", "part"),
                    _ => ("[[", "]]", "collapsed"),
                };
                lines.Add($"        {ids[node.Id]}{open}\"{Text(node.Label)}\"{close}:::{cls}");
            }

            lines.Add("    end");
        }

        lines.Add("");
        var linkStyles = new List<string>();
        for (var i = 0; i < view.Edges.Count; i++)
        {
            var edge = view.Edges[i];
            lines.Add($"    {ids[edge.From]} {(edge.Primary ? "-->" : "-.->")} {ids[edge.To]}");
            if (edge.Aliased) linkStyles.Add($"    linkStyle {i} stroke:#FF8800");
        }

        lines.AddRange(linkStyles);
        return string.Join("\n", lines) + "\n";
    }

    private static string SafeId(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return sb.ToString();
    }

    /// <summary>Text inside Mermaid quotes: quotes as entities.</summary>
    private static string Text(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
