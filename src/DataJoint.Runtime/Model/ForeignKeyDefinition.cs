namespace DataJoint;

/// <summary>A foreign key of a declared table: <c>-> Parent</c> with its options and renames.</summary>
public sealed class ForeignKeyDefinition
{
    private readonly Func<TableDefinition> _parent;

    /// <summary>Creates the foreign-key model (emitted by the source generator).</summary>
    /// <param name="parent">The referenced table's definition (deferred, so masters and parts can refer to each other).</param>
    /// <param name="attributes">Child attribute names, in the parent's primary-key order.</param>
    /// <param name="parentAttributes">The parent's primary-key attributes they refer to.</param>
    /// <param name="primary">Declared above the <c>---</c> divider.</param>
    /// <param name="nullable">The <c>nullable</c> option.</param>
    /// <param name="unique">The <c>unique</c> option.</param>
    public ForeignKeyDefinition(Func<TableDefinition> parent, IReadOnlyList<string> attributes,
        IReadOnlyList<string> parentAttributes, bool primary, bool nullable, bool unique)
    {
        _parent = parent;
        Attributes = attributes;
        ParentAttributes = parentAttributes;
        Primary = primary;
        Nullable = nullable;
        Unique = unique;
    }

    /// <summary>The referenced table.</summary>
    public TableDefinition Parent => _parent();

    /// <summary>Child attribute names.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The parent's primary-key attributes, aligned with <see cref="Attributes"/>.</summary>
    public IReadOnlyList<string> ParentAttributes { get; }

    /// <summary>Declared in the primary-key section.</summary>
    public bool Primary { get; }

    /// <summary>Optional reference (<c>[nullable]</c>).</summary>
    public bool Nullable { get; }

    /// <summary>One-to-one reference (<c>[unique]</c>).</summary>
    public bool Unique { get; }

    /// <summary>True when any attribute is renamed (<c>.proj(new='old')</c>).</summary>
    public bool IsRenamed => !Attributes.SequenceEqual(ParentAttributes, StringComparer.Ordinal);
}
