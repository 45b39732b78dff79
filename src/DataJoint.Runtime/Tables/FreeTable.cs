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
        Schema = new Schema(connection, schema, createTables: false);
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

    /// <summary>Restriction that keeps the FreeTable type, so the result can still delete or insert.</summary>
    public static FreeTable operator &(FreeTable table, object condition) => (FreeTable)table.WithRestriction(condition, semanticCheck: true, negate: false);

    /// <summary>Anti-restriction that keeps the FreeTable type.</summary>
    public static FreeTable operator -(FreeTable table, object condition) => (FreeTable)table.WithRestriction(condition, semanticCheck: true, negate: true);

    /// <summary>Restriction by an interpolated string (holes bound as parameters) that keeps the FreeTable type.</summary>
    public static FreeTable operator &(FreeTable table, RestrictionStringHandler condition) =>
        (FreeTable)table.WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: false);

    /// <summary>Anti-restriction by an interpolated string (holes bound as parameters) that keeps the FreeTable type.</summary>
    public static FreeTable operator -(FreeTable table, RestrictionStringHandler condition) =>
        (FreeTable)table.WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: true);

    private Heading LoadHeading()
    {
        var attributes = DatabaseHeading.Read(Connection, Schema.Name, SqlTableName);
        var lineage = LineageTable.Read(Connection, Schema.Name, SqlTableName);
        if (lineage is null) return new Heading(attributes, lineageAvailable: false);
        return new Heading(attributes.Select(a => a with { Lineage = lineage.GetValueOrDefault(a.Name) }).ToList());
    }
}
