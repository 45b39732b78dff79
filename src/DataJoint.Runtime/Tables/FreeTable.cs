using System.Text.RegularExpressions;

namespace DataJoint;

/// <summary>
/// A table bound by its full name, without a class: the heading is read from the database. Supports the
/// whole query, fetch, insert and delete API.
/// </summary>
public sealed partial class FreeTable : Table
{
    private readonly Lazy<Heading> _heading;

    /// <summary>Binds a table by full name on a connection (explicit-connection form; works in thread-safe mode).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="fullTableName"><c>`schema`.`table`</c>, <c>"schema"."table"</c> or <c>schema.table</c>.</param>
    public FreeTable(Connection connection, string fullTableName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (schema, table) = ParseFullName(fullTableName);
        Schema = new Schema(connection, schema, createSchema: false, createTables: false);
        SqlTableName = table;
        _heading = new Lazy<Heading>(LoadHeading);
    }

    /// <inheritdoc/>
    public override Schema Schema { get; }

    /// <inheritdoc/>
    public override string SqlTableName { get; }

    /// <inheritdoc/>
    public override Heading Heading => _heading.Value;

    [GeneratedRegex("""^\s*(?:`(?<s>[^`]+)`|"(?<s>[^"]+)"|(?<s>[^.`"\s]+))\s*\.\s*(?:`(?<t>[^`]+)`|"(?<t>[^"]+)"|(?<t>[^.`"\s]+))\s*$""")]
    private static partial Regex FullNamePattern();

    internal static (string Schema, string Table) ParseFullName(string fullTableName)
    {
        var match = FullNamePattern().Match(fullTableName ?? "");
        if (!match.Success)
        {
            throw new ArgumentException($"'{fullTableName}' is not a full table name: write `schema`.`table` or schema.table.", nameof(fullTableName));
        }

        return (match.Groups["s"].Value, match.Groups["t"].Value);
    }

    private Heading LoadHeading()
    {
        var columns = Connection.ReadAll(new SqlStatement(Connection.Adapter.ColumnsQuery, [Schema.Name, SqlTableName]),
            $"Reading the heading of {FullTableName}", r => (
                Name: r.GetString(0),
                SqlType: r.GetString(1),
                Nullable: string.Equals(r.GetString(2), "YES", StringComparison.OrdinalIgnoreCase),
                Default: r.IsDBNull(3) ? null : Convert.ToString(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Comment: r.IsDBNull(4) ? "" : r.GetString(4),
                InKey: Convert.ToBoolean(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)));
        if (columns.Count == 0)
        {
            throw new MissingTableException($"The table {FullTableName} is not defined on the {Connection.Description}.");
        }

        var attributes = columns
            .Where(c => !c.Name.StartsWith('_'))
            .Select(c =>
            {
                var (type, comment) = SplitTypeMarker(c.Comment, c.SqlType);
                return new HeadingAttribute(c.Name, type, c.InKey, c.Nullable, c.Nullable ? "null" : c.Default, comment, lineage: null);
            }).ToList();
        return new Heading(attributes, lineageAvailable: false);
    }

    /// <summary>DataJoint writes <c>:type:comment</c> into column comments for core and codec types (feature map §2.5).</summary>
    internal static (string Type, string Comment) SplitTypeMarker(string comment, string sqlType)
    {
        if (comment.Length > 1 && comment[0] == ':')
        {
            var end = comment.IndexOf(':', 1);
            if (end > 1) return (comment[1..end], comment[(end + 1)..]);
        }

        return (sqlType, comment);
    }
}
