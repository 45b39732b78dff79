namespace DataJoint;

/// <summary>One change <c>Alter</c> makes to an existing table (secondary attributes and the table comment only).</summary>
internal abstract record TableChange
{
    private TableChange()
    {
    }

    /// <summary>A new secondary attribute.</summary>
    public sealed record Add(AttributeDefinition Attribute) : TableChange;

    /// <summary>A secondary attribute removed.</summary>
    public sealed record Drop(string Name) : TableChange;

    /// <summary>
    /// A secondary attribute whose type, default, nullability or comment changes, renamed from <paramref name="OldName"/> when
    /// the names differ; <paramref name="ColumnChanged"/> when more than its name or comment changes.
    /// </summary>
    public sealed record Modify(string OldName, AttributeDefinition Attribute, bool ColumnChanged = true) : TableChange;

    /// <summary>The table comment.</summary>
    public sealed record Comment(string Text) : TableChange;
}
