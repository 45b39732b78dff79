namespace DataJoint;

/// <summary>The <c>display.*</c> settings of <see cref="QueryExpression.Preview"/>, as DataJoint's preview reads them.</summary>
public sealed class DisplaySettings
{
    /// <summary><c>display.limit</c>: rows shown in a preview (default 12).</summary>
    public int Limit { get; set; } = 12;

    /// <summary><c>display.width</c>: column width in a preview (default 14).</summary>
    public int Width { get; set; } = 14;

    /// <summary><c>display.show_tuple_count</c> (default true).</summary>
    public bool ShowTupleCount { get; set; } = true;
}
