using System.Globalization;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// A table as it exists on the server, read back into DataJoint's terms: attributes with their DataJoint types (from the
/// <c>:type:</c> markers, else the native type), defaults as a definition writes them, foreign keys with their attribute
/// maps, secondary indexes and the table comment. What <c>Describe</c>, scaffolding and <c>Alter</c> work from.
/// </summary>
internal sealed partial class ExistingTable
{
    private ExistingTable(string schema, string name, string comment, IReadOnlyList<ExistingAttribute> attributes,
        IReadOnlyList<ExistingForeignKey> foreignKeys, IReadOnlyList<ExistingIndex> indexes)
    {
        Schema = schema;
        Name = name;
        Comment = comment;
        Attributes = attributes;
        ForeignKeys = foreignKeys;
        Indexes = indexes;
    }

    /// <summary>The schema (database) name.</summary>
    public string Schema { get; }

    /// <summary>The SQL table name, tier prefix included.</summary>
    public string Name { get; }

    /// <summary>The table comment (empty without one).</summary>
    public string Comment { get; }

    /// <summary>The attributes in column order, hidden ones (<c>_name</c>) left out.</summary>
    public IReadOnlyList<ExistingAttribute> Attributes { get; }

    /// <summary>The foreign keys, each with its child and parent attributes in constraint order.</summary>
    public IReadOnlyList<ExistingForeignKey> ForeignKeys { get; }

    /// <summary>Every secondary index (those the server made for foreign keys included), ordered by index name.</summary>
    public IReadOnlyList<ExistingIndex> Indexes { get; }

    /// <summary>The tier the name's prefix gives.</summary>
    public TableTier Tier => TableNames.TierOf(Name);

    /// <summary>Reads the table.</summary>
    /// <exception cref="MissingTableException">The table does not exist.</exception>
    public static async ValueTask<ExistingTable> Read(Connection connection, string schema, string table, bool sync, CancellationToken cancellationToken)
    {
        var adapter = connection.Adapter;
        var fullName = adapter.QualifiedName(schema, table);
        var columns = await DatabaseHeading.ReadColumns(connection, schema, table, sync, cancellationToken).ConfigureAwait(false);
        var attributes = columns.Where(c => !c.Name.StartsWith('_')).Select(c => AttributeOf(adapter, c)).ToList();

        var edges = await SyncOrAsync.ReadAll(connection, new SqlStatement(adapter.ForeignKeysOfTable, [schema, table]),
            $"Reading the foreign keys of {fullName}",
            r => (Constraint: r.GetString(2), Column: r.GetString(3), ParentSchema: r.GetString(4), ParentTable: r.GetString(5), ParentColumn: r.GetString(6)),
            sync, cancellationToken).ConfigureAwait(false);
        var position = attributes.Select((a, i) => (a.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var foreignKeys = edges.GroupBy(e => e.Constraint, StringComparer.Ordinal)
            .Select(g => new ExistingForeignKey(g.First().ParentSchema, g.First().ParentTable,
                g.Select(e => e.Column).ToList(), g.Select(e => e.ParentColumn).ToList()))
            // Declaration order as far as the columns tell it (constraint names do not keep it on PostgreSQL).
            .OrderBy(fk => fk.Attributes.Max(a => position.GetValueOrDefault(a, int.MaxValue)))
            .ThenBy(fk => fk.Attributes.Min(a => position.GetValueOrDefault(a, int.MaxValue)))
            .ToList();

        var indexRows = await SyncOrAsync.ReadAll(connection, new SqlStatement(adapter.IndexesQuery, [schema, table]),
            $"Reading the indexes of {fullName}",
            r => (Name: r.GetString(0), Column: r.IsDBNull(1) ? null : r.GetString(1),
                NonUnique: Convert.ToBoolean(r.GetValue(2), CultureInfo.InvariantCulture)),
            sync, cancellationToken).ConfigureAwait(false);
        var indexes = indexRows.GroupBy(r => r.Name, StringComparer.Ordinal)
            // A functional index MySQL reports without columns cannot be written back (DataJoint skips it too).
            .Where(g => g.All(r => r.Column is not null))
            .Select(g => new ExistingIndex(g.Select(r => r.Column!).ToList(), Unique: !g.First().NonUnique))
            .ToList();

        var comment = await SyncOrAsync.ReadScalar<string>(connection, new SqlStatement(adapter.TableCommentQuery, [schema, table]),
            $"Reading the comment of {fullName}", sync, cancellationToken).ConfigureAwait(false);
        return new ExistingTable(schema, table, comment ?? "", attributes, foreignKeys, indexes);
    }

    private static ExistingAttribute AttributeOf(BackendAdapter adapter, ServerColumn column)
    {
        var marker = DatabaseHeading.SplitTypeMarker(column.Comment);
        var type = marker?.Type ?? adapter.NativeTypeName(column.SqlType);
        string? defaultText = null;
        if (column.Nullable)
        {
            defaultText = "null";
        }
        else if (column.Default is { } reported && adapter.ReadServerDefault(reported) is { } server)
        {
            defaultText = server.IsClock || !IsQuotedType(type) ? server.Value : "\"" + server.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return new ExistingAttribute(column.Name, type, column.InKey, column.Nullable, defaultText, marker?.Comment ?? column.Comment);
    }

    /// <summary>Whether a definition writes this type's defaults in quotes (DataJoint quotes string, enum and temporal defaults).</summary>
    private static bool IsQuotedType(string type)
    {
        var category = TypeClassifier.Classify(type)?.Category;
        return category is TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum or TypeCategory.Date or TypeCategory.DateTime
            || (category == TypeCategory.Native && QuotedNativeType().IsMatch(type));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\w*char|\w*text|enum|set|date|time|datetime|timestamp|year|character)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex QuotedNativeType();
}
