namespace DataJoint;

/// <summary>
/// The default key source of an auto-populated table (docs/semantics.md#key-source): the join of its primary-key parents, each
/// projected to its primary key with the foreign key's renames applied, <c>Parent1.Proj() * Parent2.Proj("new = old")</c>.
/// </summary>
internal static class DefaultKeySource
{
    public static QueryExpression For(AutoPopulated target)
    {
        var definition = target.TableDefinition;
        var parents = definition.ForeignKeys.Where(fk => fk.Primary).ToList();
        if (parents.Count == 0)
        {
            throw new DataJointException("A table must have dependencies from its primary key for auto-populate to work: "
                + $"{definition.ClassName} has no foreign key above the --- line. Add one, or override KeySource.");
        }

        QueryExpression? keySource = null;
        foreach (var fk in parents)
        {
            var renames = fk.Attributes.Zip(fk.ParentAttributes)
                .Where(pair => !string.Equals(pair.First, pair.Second, StringComparison.Ordinal))
                .Select(pair => $"{pair.First} = {pair.Second}")
                .ToArray();
            var projected = Parent(target, fk.Parent).Proj(renames);
            keySource = keySource is null ? projected : keySource * projected;
        }

        return keySource!;
    }

    /// <summary>
    /// The parent as bound where the target's declaration found it (its heading carries lineage); a parent forgotten since
    /// (dropped and not bound again) gets the heading its definition declares, so building the key source sends nothing.
    /// </summary>
    private static ParentTable Parent(AutoPopulated target, TableDefinition parent)
    {
        var schema = target.Schema.SchemaOfParent(parent);
        return new ParentTable(schema, parent.TableName, schema.TryGetHeading(parent, out var heading) ? heading : schema.HeadingOf(parent));
    }

    /// <summary>A read-only handle on a parent table whose class is not known here, with the heading its schema bound.</summary>
    private sealed class ParentTable(Schema schema, string tableName, Heading heading) : Table
    {
        public override Schema Schema => schema;

        public override string SqlTableName => tableName;

        public override Heading Heading => heading;
    }
}
