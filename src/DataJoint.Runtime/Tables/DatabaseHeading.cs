namespace DataJoint;

/// <summary>
/// Reads a table's attributes from the database (information_schema / pg_catalog through the adapter), restoring
/// DataJoint types from the <c>:type:</c> comment markers (feature map §2.5). Hidden attributes (<c>_name</c>) are left out.
/// </summary>
internal static class DatabaseHeading
{
    public static List<HeadingAttribute> Read(Connection connection, string schema, string table)
    {
        var fullName = connection.Adapter.QualifiedName(schema, table);
        var columns = connection.ReadAll(new SqlStatement(connection.Adapter.ColumnsQuery, [schema, table]),
            $"Reading the heading of {fullName}", r => (
                Name: r.GetString(0),
                SqlType: r.GetString(1),
                Nullable: string.Equals(r.GetString(2), "YES", StringComparison.OrdinalIgnoreCase),
                Default: r.IsDBNull(3) ? null : Convert.ToString(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Comment: r.IsDBNull(4) ? "" : r.GetString(4),
                InKey: Convert.ToBoolean(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)));
        if (columns.Count == 0)
        {
            throw new MissingTableException($"The table {fullName} is not defined on the {connection.Description}.");
        }

        return columns
            .Where(c => !c.Name.StartsWith('_'))
            .Select(c =>
            {
                var (type, comment) = SplitTypeMarker(c.Comment, c.SqlType);
                return new HeadingAttribute(c.Name, type, c.InKey, c.Nullable, c.Nullable ? "null" : c.Default, comment, lineage: null);
            }).ToList();
    }

    /// <summary>DataJoint writes <c>:type:comment</c> into column comments for core and codec types (feature map §2.5).</summary>
    public static (string Type, string Comment) SplitTypeMarker(string comment, string sqlType)
    {
        if (comment.Length > 1 && comment[0] == ':')
        {
            var end = comment.IndexOf(':', 1);
            if (end > 1) return (comment[1..end], comment[(end + 1)..]);
        }

        return (sqlType, comment);
    }
}
