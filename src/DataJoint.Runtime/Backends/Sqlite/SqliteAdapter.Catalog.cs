namespace DataJoint;

/// <summary>
/// Schemas and introspection on SQLite: the schemas are rows of <see cref="SchemasTable"/>, a schema's tables are the
/// tables whose names start with <c>schema.</c>, columns, keys and indexes come from the pragma table functions, and
/// comments from <see cref="CommentsTable"/>.
/// </summary>
internal sealed partial class SqliteAdapter
{
    /// <summary>The statements creating the catalog tables, run once when a data source first opens the database.</summary>
    internal static string CreateCatalog =>
        $"CREATE TABLE IF NOT EXISTS \"{SchemasTable}\" (schema_name text NOT NULL PRIMARY KEY); "
        + $"CREATE TABLE IF NOT EXISTS \"{CommentsTable}\" (schema_name text NOT NULL, table_name text NOT NULL, "
        + "column_name text NOT NULL, comment text NOT NULL, PRIMARY KEY (schema_name, table_name, column_name))";

    // A table of schema @p0: its name starts with the schema and a dot.
    private const string InSchema = "substr(m.name, 1, length(@p0) + 1) = @p0 || '.'";

    private const string SqliteFullName = "@p0 || '.' || @p1";

    public override string CreateSchema(string schema) => $"INSERT OR IGNORE INTO {Quote(SchemasTable)} (schema_name) VALUES ({QuoteLiteral(schema)})";

    public override string DropSchema(string schema) =>
        $"DELETE FROM {Quote(CommentsTable)} WHERE schema_name = {QuoteLiteral(schema)}; "
        + $"DELETE FROM {Quote(SchemasTable)} WHERE schema_name = {QuoteLiteral(schema)}";

    // DROP SCHEMA cannot name tables it does not know: Schema drops them first, dependents before their parents.
    public override bool DropSchemaDropsTables => false;

    public override string SchemaExists => $"SELECT 1 FROM {Quote(SchemasTable)} WHERE schema_name = @p0";

    public override string ListTables =>
        $"SELECT substr(m.name, length(@p0) + 2) FROM sqlite_master m WHERE m.type = 'table' AND {InSchema} ORDER BY 1";

    public override string TableExists => $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {SqliteFullName}";

    public override string ListSchemas => $"SELECT schema_name FROM {Quote(SchemasTable)} ORDER BY schema_name";

    public override string TableCommentQuery =>
        $"SELECT comment FROM {Quote(CommentsTable)} WHERE schema_name = @p0 AND table_name = @p1 AND column_name = ''";

    public override string PrimaryKeyColumns =>
        "SELECT substr(m.name, length(@p0) + 2), p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
        + $"WHERE m.type = 'table' AND {InSchema} AND p.pk > 0 ORDER BY 1, p.pk";

    // A primary-key column without NOT NULL admits NULL on SQLite, so only the declared constraint counts.
    public override string NullableColumns =>
        "SELECT substr(m.name, length(@p0) + 2), p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
        + $"WHERE m.type = 'table' AND {InSchema} AND NOT p.\"notnull\"";

    public override string ColumnsQuery =>
        "SELECT p.name, p.type, CASE WHEN p.\"notnull\" THEN 'NO' ELSE 'YES' END, p.dflt_value, c.comment, p.pk > 0 "
        + $"FROM pragma_table_info({SqliteFullName}) p LEFT JOIN {Quote(CommentsTable)} c "
        + "ON c.schema_name = @p0 AND c.table_name = @p1 AND c.column_name = p.name ORDER BY p.cid";

    // An expression item has no column name; its text is not kept apart from the index's CREATE statement.
    public override string IndexesQuery =>
        $"SELECT il.name, coalesce(ii.name, '(expression)'), NOT il.\"unique\", ii.seqno + 1 FROM pragma_index_list({SqliteFullName}) il "
        + "JOIN pragma_index_info(il.name) ii WHERE il.origin <> 'pk' ORDER BY il.name, ii.seqno";

    public override ServerDefault? ReadServerDefault(string reported)
    {
        var text = reported.Trim();
        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
        if (text.Contains("'now'", StringComparison.Ordinal))
        {
            var digits = ClockDigits().Match(text);
            return ServerDefault.Clock(digits.Success
                ? (int.Parse(digits.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) - 20).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null);
        }

        if (text.Equals("CURRENT_TIMESTAMP", StringComparison.OrdinalIgnoreCase)) return ServerDefault.Clock(null);
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') return new ServerDefault(ServerDefault.Unquote(text), IsClock: false);
        return new ServerDefault(text, IsClock: false);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@", 1, (\d+)\)\)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClockDigits();

    public override string ForeignKeysReferencing => ForeignKeysWhere("substr(f.\"table\", 1, instr(f.\"table\", '.') - 1) = @p0");

    public override string ForeignKeysDeclaredIn => ForeignKeysWhere(InSchema);

    public override string ForeignKeysOfTable => ForeignKeysWhere($"m.name = {SqliteFullName}");

    private static string ForeignKeysWhere(string filter) =>
        "SELECT substr(m.name, 1, instr(m.name, '.') - 1), substr(m.name, instr(m.name, '.') + 1), 'fk' || f.id, f.\"from\", "
        + "substr(f.\"table\", 1, instr(f.\"table\", '.') - 1), substr(f.\"table\", instr(f.\"table\", '.') + 1), f.\"to\" "
        + "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f "
        + $"WHERE m.type = 'table' AND instr(m.name, '.') > 0 AND {filter} ORDER BY 1, 2, f.id, f.seq";
}
