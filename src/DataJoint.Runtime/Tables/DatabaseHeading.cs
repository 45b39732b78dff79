namespace DataJoint;

/// <summary>
/// Reads a table's attributes from the database (information_schema / pg_catalog through the adapter), restoring
/// DataJoint types the way DataJoint does: from the <c>:type:</c> comment marker of core and codec types; for a
/// foreign-key column, which DataJoint declares without a marker, from the attribute it references (transitively);
/// otherwise the native type in DataJoint's spelling. Hidden attributes (<c>_name</c>) are left out.
/// </summary>
internal static class DatabaseHeading
{
    public static List<HeadingAttribute> Read(Connection connection, string schema, string table) =>
        SyncOrAsync.Wait(Read(connection, schema, table, sync: true, CancellationToken.None));

    public static ValueTask<List<HeadingAttribute>> Read(Connection connection, string schema, string table, bool sync, CancellationToken cancellationToken) =>
        Read(connection, schema, table, new Dictionary<(string, string), List<HeadingAttribute>>(), sync, cancellationToken);

    private static async ValueTask<List<HeadingAttribute>> Read(Connection connection, string schema, string table,
        Dictionary<(string Schema, string Table), List<HeadingAttribute>> known, bool sync, CancellationToken cancellationToken)
    {
        if (known.TryGetValue((schema, table), out var cached)) return cached;
        var adapter = connection.Adapter;
        var columns = await ReadColumns(connection, schema, table, sync, cancellationToken).ConfigureAwait(false);

        // A cycle through foreign keys cannot reach this table again before it is known: mark it with what it has so far.
        var attributes = new List<HeadingAttribute>();
        known[(schema, table)] = attributes;
        Dictionary<string, (string Schema, string Table, string Column)>? references = null;
        foreach (var c in columns.Where(c => !c.Name.StartsWith('_')))
        {
            var marker = SplitTypeMarker(c.Comment);
            var type = marker?.Type;
            if (type is null)
            {
                references ??= await ReferencedColumns(connection, schema, table, sync, cancellationToken).ConfigureAwait(false);
                if (references.TryGetValue(c.Name, out var parent))
                {
                    var parentHeading = await Read(connection, parent.Schema, parent.Table, known, sync, cancellationToken).ConfigureAwait(false);
                    type = parentHeading.FirstOrDefault(a => a.Name == parent.Column)?.Type;
                }
            }

            attributes.Add(new HeadingAttribute(c.Name, type ?? adapter.NativeTypeName(c.SqlType), c.InKey, c.Nullable,
                c.Nullable ? "null" : c.Default, marker?.Comment ?? c.Comment, lineage: null));
        }

        return attributes;
    }

    /// <summary>A table's columns as the server reports them, hidden ones included, in order.</summary>
    /// <exception cref="MissingTableException">The table does not exist.</exception>
    public static async ValueTask<List<ServerColumn>> ReadColumns(Connection connection, string schema, string table, bool sync,
        CancellationToken cancellationToken)
    {
        var fullName = connection.Adapter.QualifiedName(schema, table);
        var columns = await SyncOrAsync.ReadAll(connection, new SqlStatement(connection.Adapter.ColumnsQuery, [schema, table]),
            $"Reading the heading of {fullName}", r => new ServerColumn(
                Name: r.GetString(0),
                SqlType: r.GetString(1),
                Nullable: string.Equals(r.GetString(2), "YES", StringComparison.OrdinalIgnoreCase),
                Default: r.IsDBNull(3) ? null : Convert.ToString(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Comment: r.IsDBNull(4) ? "" : r.GetString(4),
                InKey: Convert.ToBoolean(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)), sync, cancellationToken).ConfigureAwait(false);
        if (columns.Count == 0)
        {
            throw new MissingTableException($"The table {fullName} is not defined on the {connection.Description}.");
        }

        return columns;
    }

    /// <summary>For each foreign-key column of a table, the parent column it references.</summary>
    private static async ValueTask<Dictionary<string, (string Schema, string Table, string Column)>> ReferencedColumns(Connection connection,
        string schema, string table, bool sync, CancellationToken cancellationToken)
    {
        var edges = await SyncOrAsync.ReadAll(connection, new SqlStatement(connection.Adapter.ForeignKeysOfTable, [schema, table]),
            $"Reading the foreign keys of {connection.Adapter.QualifiedName(schema, table)}",
            r => (Column: r.GetString(3), Parent: (r.GetString(4), r.GetString(5), r.GetString(6))), sync, cancellationToken).ConfigureAwait(false);
        var references = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var (column, parent) in edges) references.TryAdd(column, parent);
        return references;
    }

    /// <summary>DataJoint writes <c>:type:comment</c> into column comments for core and codec types (docs/semantics.md#type-markers); null without one.</summary>
    public static (string Type, string Comment)? SplitTypeMarker(string comment)
    {
        if (comment.Length > 1 && comment[0] == ':')
        {
            var end = comment.IndexOf(':', 1);
            if (end > 1) return (comment[1..end], comment[(end + 1)..]);
        }

        return null;
    }
}
