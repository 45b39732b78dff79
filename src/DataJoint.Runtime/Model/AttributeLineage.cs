namespace DataJoint;

/// <summary>
/// Where an attribute originated, as the generator resolved it: the table that declares it in its primary key and
/// its name there (feature map §6.2). The schema is known only when that table is bound, so the lineage string
/// <c>schema.table.attribute</c> is completed then.
/// </summary>
public sealed class AttributeLineage
{
    private readonly Func<TableDefinition> _origin;

    /// <summary>Creates the lineage (emitted by the source generator).</summary>
    /// <param name="origin">The originating table's definition (deferred, as tables may refer to each other).</param>
    /// <param name="attribute">The attribute's name in the originating table (before any <c>.proj</c> rename).</param>
    public AttributeLineage(Func<TableDefinition> origin, string attribute)
    {
        _origin = origin;
        Attribute = attribute;
    }

    /// <summary>The table that declares the attribute in its primary key.</summary>
    public TableDefinition Origin => _origin();

    /// <summary>The attribute's name in <see cref="Origin"/>.</summary>
    public string Attribute { get; }

    /// <summary>The lineage string DataJoint stores in <c>~lineage</c>, given the schema <see cref="Origin"/> is bound in.</summary>
    public string In(string schemaName) => $"{schemaName}.{Origin.TableName}.{Attribute}";
}
