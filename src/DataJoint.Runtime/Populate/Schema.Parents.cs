namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>The schema a parent table of a table bound here lives in (this one, or the upstream schema that binds it).</summary>
    internal Schema SchemaOfParent(TableDefinition parent) => SchemaOf(parent);

    /// <summary>The heading <paramref name="definition"/> declares in this schema (lineage as its declaration writes it), without I/O.</summary>
    internal Heading HeadingOf(TableDefinition definition) => BuildHeading(definition);
}
