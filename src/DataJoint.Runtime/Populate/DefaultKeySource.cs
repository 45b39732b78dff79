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

        return Join(parents.Select(fk => Parent(target, fk.Parent).Proj(Renames(fk.Attributes, fk.ParentAttributes))));
    }

    /// <summary>
    /// The default key source of a table read from the database (no class, so no override): its foreign keys that lie in its
    /// primary key, each parent read as a <see cref="FreeTable"/>.
    /// </summary>
    public static async ValueTask<QueryExpression> ForExisting(Table target, bool sync, CancellationToken cancellationToken)
    {
        var connection = target.Connection;
        var existing = await ExistingTable.Read(connection, target.Schema.Name, target.SqlTableName, sync, cancellationToken).ConfigureAwait(false);
        var key = target.PrimaryKey.ToHashSet(StringComparer.Ordinal);
        var parents = new List<QueryExpression>();
        foreach (var fk in existing.ForeignKeys.Where(fk => fk.Attributes.All(key.Contains)))
        {
            var parent = new FreeTable(connection, connection.Adapter.QualifiedName(fk.ParentSchema, fk.ParentTable));
            await parent.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
            parents.Add(parent.Proj(Renames(fk.Attributes, fk.ParentAttributes)));
        }

        if (parents.Count == 0)
        {
            throw new DataJointException($"{target.FullTableName} has no foreign key in its primary key, so it has no key source to queue jobs from. "
                + "Bind its class with schema.Table<T>() and give it a KeySource.");
        }

        return Join(parents);
    }

    private static string[] Renames(IReadOnlyList<string> attributes, IReadOnlyList<string> parentAttributes) =>
        attributes.Zip(parentAttributes)
            .Where(pair => !string.Equals(pair.First, pair.Second, StringComparison.Ordinal))
            .Select(pair => $"{pair.First} = {pair.Second}")
            .ToArray();

    private static QueryExpression Join(IEnumerable<QueryExpression> projectedParents) => projectedParents.Aggregate((keySource, parent) => keySource * parent);

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
