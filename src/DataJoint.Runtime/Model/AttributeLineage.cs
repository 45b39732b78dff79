namespace DataJoint;

/// <summary>
/// Where an attribute originated, as the generator resolved it (docs/semantics.md#lineage): the table that declares it in its
/// primary key, and its name there. The schema is known only when that table is bound, so the lineage string
/// <c>schema.table.attribute</c> is completed then.
/// </summary>
public sealed class AttributeLineage
{
    private readonly Func<TableDefinition>? _origin;

    /// <summary>A primary-key attribute that originates in the table declaring it (emitted by the source generator).</summary>
    /// <param name="attribute">The attribute's name.</param>
    public AttributeLineage(string attribute) => Attribute = attribute;

    /// <summary>An attribute inherited from <paramref name="origin"/> (emitted by the source generator).</summary>
    /// <param name="origin">The originating table's definition (deferred, as tables may refer to each other).</param>
    /// <param name="attribute">The attribute's name in the originating table (before any <c>.proj</c> rename).</param>
    public AttributeLineage(Func<TableDefinition> origin, string attribute)
    {
        _origin = origin;
        Attribute = attribute;
    }

    /// <summary>The table the attribute was inherited from, transitively; null when it originates in its own table.</summary>
    public TableDefinition? Origin => _origin?.Invoke();

    /// <summary>The attribute's name in the originating table.</summary>
    public string Attribute { get; }
}
