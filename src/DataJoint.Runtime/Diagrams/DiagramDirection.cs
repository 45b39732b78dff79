namespace DataJoint;

/// <summary>The direction a diagram is laid out in (DataJoint's <c>display.diagram_direction</c>).</summary>
public enum DiagramDirection
{
    /// <summary>Parents above children (<c>TB</c>, the default).</summary>
    TopToBottom,

    /// <summary>Parents left of children (<c>LR</c>).</summary>
    LeftToRight,
}
