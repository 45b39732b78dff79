using System.Globalization;
using System.Text;

namespace DataJoint;

/// <summary>Writes a <see cref="DiagramView"/> as Graphviz DOT, with DataJoint's tier styles (docs/diagrams.md#styles).</summary>
internal static class DotWriter
{
    private sealed record Style(string Shape, string Color, string FontColor, int FontSize, double Size);

    // DataJoint's styles: scale 1.2 on its base font sizes and box sizes.
    private static Style StyleOf(TableTier? tier) => tier switch
    {
        TableTier.Manual => new("box", "#00FF0030", "darkgreen", 12, 0.48),
        TableTier.Lookup => new("plaintext", "#00000020", "black", 10, 0.48),
        TableTier.Computed => new("ellipse", "#FF000020", "#7F0000A0", 12, 0.48),
        TableTier.Imported => new("ellipse", "#00007F40", "#00007FA0", 12, 0.48),
        TableTier.Part => new("plaintext", "#00000000", "black", 10, 0.12),
        _ => new("box3d", "#80808060", "#404040", 12, 0.6),
    };

    public static string Write(DiagramView view)
    {
        var dot = new StringBuilder();
        dot.Append("digraph DataJoint {\n");
        dot.Append("  rankdir=").Append(view.Direction == DiagramDirection.LeftToRight ? "LR" : "TB").Append(";\n");
        dot.Append("  node [fontname=\"arial\", style=\"filled\"];\n");
        foreach (var cluster in view.Clusters)
        {
            dot.Append("  subgraph ").Append(Quote("cluster_" + cluster.Key)).Append(" {\n");
            dot.Append("    label=").Append(Quote(cluster.Key)).Append("; style=\"dashed\"; color=\"gray\"; fontcolor=\"gray\";\n");
            foreach (var node in cluster) AppendNode(dot, node);
            dot.Append("  }\n");
        }

        foreach (var edge in view.Edges)
        {
            dot.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To)).Append(" [")
                .Append("color=").Append(Quote(edge.Aliased ? "#FF8800" : "#00000040"))
                .Append(", style=").Append(edge.Primary ? "solid" : "dashed")
                .Append(", arrowhead=none")
                .Append(", penwidth=").Append(edge.Multi ? "0.75" : "2")
                .Append(", weight=").Append(edge.MasterToPart ? '3' : '1');
            if (edge.Renames is not null) dot.Append(", tooltip=").Append(Quote(edge.Renames));
            dot.Append("];\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    private static void AppendNode(StringBuilder dot, DiagramView.Node node)
    {
        var style = StyleOf(node.Tier);
        var size = style.Size.ToString(CultureInfo.InvariantCulture);
        dot.Append("    ").Append(Quote(node.Id)).Append(" [label=")
            .Append(node.Distinguished ? $"<<u>{Html(node.Label)}</u>>" : Quote(node.Label))
            .Append(", shape=").Append(style.Shape)
            .Append(", color=").Append(Quote(style.Color))
            .Append(", fontcolor=").Append(Quote(style.FontColor))
            .Append(", fontsize=").Append(style.FontSize.ToString(CultureInfo.InvariantCulture))
            .Append(", width=").Append(size).Append(", height=").Append(size).Append(", fixedsize=false")
            .Append(", tooltip=").Append(Quote(node.FullName ?? $"Collapsed schema {node.Schema}: {node.Label}"))
            .Append("];\n");
    }

    /// <summary>A DOT double-quoted ID: backslashes and quotes escaped.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
