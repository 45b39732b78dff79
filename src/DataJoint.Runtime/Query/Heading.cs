namespace DataJoint;

/// <summary>The attributes of a query result: names, primary key and per-attribute details.</summary>
public sealed class Heading
{
    private readonly Dictionary<string, HeadingAttribute> _byName;

    internal Heading(IReadOnlyList<HeadingAttribute> attributes, bool lineageAvailable = true)
    {
        LineageAvailable = lineageAvailable;
        Attributes = attributes;
        _byName = attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);
        Names = attributes.Select(a => a.Name).ToArray();
        PrimaryKey = attributes.Where(a => a.InKey).Select(a => a.Name).ToArray();
        SecondaryAttributes = attributes.Where(a => !a.InKey).Select(a => a.Name).ToArray();
    }

    /// <summary>
    /// False when the heading comes from a schema without a <c>~lineage</c> table; semantic matching is then
    /// skipped, as DataJoint does.
    /// </summary>
    public bool LineageAvailable { get; }

    /// <summary>Attributes in order.</summary>
    public IReadOnlyList<HeadingAttribute> Attributes { get; }

    /// <summary>Attribute names in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Primary-key attribute names.</summary>
    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary>Secondary (non-key) attribute names.</summary>
    public IReadOnlyList<string> SecondaryAttributes { get; }

    /// <summary>The attribute with this name.</summary>
    /// <exception cref="UnknownAttributeException">No such attribute.</exception>
    public HeadingAttribute this[string name] => _byName.TryGetValue(name, out var a)
        ? a
        : throw new UnknownAttributeException($"Attribute `{name}` is not found in the heading ({string.Join(", ", Names)}).");

    /// <summary>Whether an attribute with this name exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    internal bool TryGet(string name, out HeadingAttribute attribute) => _byName.TryGetValue(name, out attribute!);

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Attributes.Select(a => (a.InKey ? "*" : "") + a.Name));
}
