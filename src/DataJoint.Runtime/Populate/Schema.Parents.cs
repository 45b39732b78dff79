namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>The schema a parent table of a table bound here lives in (this one, or the upstream schema that binds it).</summary>
    internal Schema SchemaOfParent(TableDefinition parent) => SchemaOf(parent);
}
