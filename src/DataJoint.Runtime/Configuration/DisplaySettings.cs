namespace DataJoint;

/// <summary>The <c>display.*</c> settings used when previewing query results.</summary>
public sealed class DisplaySettings
{
    /// <summary><c>display.limit</c>: rows shown in a preview (default 12).</summary>
    public int Limit { get; set; } = 12;

    /// <summary><c>display.width</c>: column width in a preview (default 14).</summary>
    public int Width { get; set; } = 14;

    /// <summary><c>display.show_tuple_count</c> (default true).</summary>
    public bool ShowTupleCount { get; set; } = true;

    /// <summary><c>display.diagram_direction</c>: <c>LR</c> or <c>TB</c> (default LR; env DJ_DIAGRAM_DIRECTION).</summary>
    public string DiagramDirection { get; set; } = "LR";

    /// <summary><c>display.diagram_theme</c>: <c>light</c>, <c>dark</c> or <c>auto</c> (env DJ_DIAGRAM_THEME).</summary>
    public string DiagramTheme { get; set; } = "auto";
}
