namespace DataJoint;

/// <summary>A secondary index: <c>index(a, b)</c> or <c>unique index(a)</c>.</summary>
public sealed class IndexDefinition
{
    /// <summary>Creates the index model (emitted by the source generator).</summary>
    public IndexDefinition(IReadOnlyList<string> attributes, bool unique)
    {
        Attributes = attributes;
        Unique = unique;
    }

    /// <summary>Indexed attribute names (or parenthesised expressions).</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>A unique index.</summary>
    public bool Unique { get; }
}
