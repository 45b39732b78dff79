using System.Data.Common;
using System.Globalization;
using System.Text;
using DataJoint.Definition;
using Microsoft.Data.Sqlite;

namespace DataJoint;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: an embedded database in one file (or in memory). Every DataJoint schema lives in
/// that one database, its tables named <c>schema.table</c>, so foreign keys between schemas are enforced and followed
/// (SQLite enforces no foreign key into an attached database). Column comments and <c>:type:</c> markers live in the
/// catalog table <see cref="CommentsTable"/>; the schemas in <see cref="SchemasTable"/> (docs/backends.md#sqlite).
/// </summary>
internal sealed partial class SqliteAdapter : BackendAdapter
{
    public static readonly SqliteAdapter Instance = new();

    /// <summary>The catalog table of DataJoint schemas (one row per schema).</summary>
    internal const string SchemasTable = "~dj_schemas";

    /// <summary>The catalog table of table and column comments (column name empty for the table's own comment).</summary>
    internal const string CommentsTable = "~dj_comments";

    private SqliteAdapter() => BulkLoader = new SqliteBulkLoader(this);

    public override Backend Backend => Backend.Sqlite;

    // DataJoint's own limit, so a pipeline moves to a server unchanged.
    public override int MaxTableNameLength => 64;

    public override int DefaultPort => 0;

    public override string TelemetrySystemName => "sqlite";

    public override IReadOnlyList<string> ConfigNames { get; } = ["sqlite", "sqlite3"];

    public override bool StoresInfinity => true;

    // Text is bound and read with its length, so U+0000 round-trips (SQLite's own text functions stop at it).
    public override bool StoresNulInText => true;

    public override bool NeedsServer => false;

    public override string DescribeLocation(DatabaseSettings settings) => $"SQLite database {SqliteDataSource.PathOf(settings)}";

    // Wall-clock time with milliseconds, as the job table's datetime(3) columns store it.
    public override string Now => "strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')";

    public override string NowPlus(double seconds) =>
        $"strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime', '{seconds.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} seconds')";

    public override string SessionId => SqliteSessionConnection.SessionIdFunction + "()";

    public override string CurrentUser => QuoteLiteral(Environment.UserName);

    // SQLITE_BUSY and SQLITE_LOCKED: another connection held the lock longer than the busy timeout.
    public override bool IsTransientConflict(DataJointException exception) => exception.ServerErrorCode is "5" or "6";

    public override DbDataSource CreateDataSource(DatabaseSettings settings, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory) =>
        new SqliteDataSource(settings);

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // One database holds every schema: the schema is the first part of the table's own name.
    public override string QualifiedName(string schema, string table) => Quote(schema + "." + table);

    public override (string Schema, string Table)? SplitQualifiedName(string fullName)
    {
        var text = fullName.Trim();
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return null;
        var name = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        // "schema"."table" is the common form, read by the caller.
        if (name.Contains('"', StringComparison.Ordinal)) return null;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < name.Length - 1 ? (name[..dot], name[(dot + 1)..]) : null;
    }

    public override string Placeholder(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    // Microsoft.Data.Sqlite binds a string longer than about 512 UTF-8 bytes as NUL-terminated text, so everything after an
    // embedded NUL is lost without an error. Such a string goes as its UTF-8 bytes, made text again by the statement.
    public override (string Sql, object? Value) BindValue(int index, object? value) =>
        value is string text && text.Contains('\0', StringComparison.Ordinal)
            ? ($"CAST({Placeholder(index)} AS TEXT)", Encoding.UTF8.GetBytes(text))
            : (Placeholder(index), value);

    /// <summary>What <see cref="BindValue"/> binds for a value of a text column whose statement reads the parameter as text.</summary>
    internal static object TextValue(object value) =>
        value is string text && text.Contains('\0', StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(text) : value;

    public override DbParameter CreateParameter(int index, object? value) =>
        new SqliteParameter(Placeholder(index), value ?? DBNull.Value);

    public override object? ToDbValue(TypeSpec spec, object? value) => value switch
    {
        null => null,
        DateTime d when spec.Category == TypeCategory.DateTime => DateTimeText(d, spec.Precision ?? 0),
        DateTime d when spec.Category == TypeCategory.Date => DateText(DateOnly.FromDateTime(d)),
        string s when spec.Category == TypeCategory.Uuid => Guid.Parse(s).ToString("D"),
        decimal m when spec.Category == TypeCategory.Decimal => DecimalText(m, spec.Scale ?? 0),
        _ => ToDbValue(value),
    };

    public override object? ToDbValue(object? value) => value switch
    {
        Guid g => g.ToString("D"),
        DateTime d => DateTimeText(d, 7),
        DateOnly d => DateText(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => base.ToDbValue(value),
    };

    // The round-trip format of a DateOnly is yyyy-MM-dd, written without parsing a custom format string.
    private static string DateText(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// A datetime as stored: <c>yyyy-MM-dd HH:mm:ss</c> and the fraction rounded to the declared digits, trailing zeros
    /// dropped, so equal values have equal text and text order is time order.
    /// </summary>
    private static string DateTimeText(DateTime value, int precision)
    {
        var unit = (long)Math.Pow(10, 7 - Math.Clamp(precision, 0, 7));
        var rounded = new DateTime((value.Ticks + unit / 2) / unit * unit, DateTimeKind.Unspecified);
        return rounded.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
    }

    // Exact text at the declared scale; the column's NUMERIC affinity keeps it a number only where that is lossless.
    private static string DecimalText(decimal value, int scale) =>
        Math.Round(value, scale, MidpointRounding.AwayFromZero).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public override string JsonPathExpression(string quotedColumn, JsonPathKey key)
    {
        // The value as text, as the servers' json_unquote / jsonb_extract_path_text give it (the restriction binds text):
        // json_extract gives SQL values, booleans as 1/0.
        var path = QuoteLiteral("$." + key.Path);
        var value = $"CASE json_type({quotedColumn}, {path}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
            + $"ELSE CAST(json_extract({quotedColumn}, {path}) AS TEXT) END";
        return key.Type is null ? value : $"CAST({value} AS {key.Type})";
    }

    /// <summary>
    /// Declared types chosen for their affinity (docs/backends.md#sqlite): integers INTEGER, floats REAL, decimal and bool
    /// NUMERIC (exact text kept where a number would lose digits; bool as 0/1), strings, dates, datetimes, uuid and json
    /// as text in a fixed format, bytes BLOB. Ranges, lengths and enum values are CHECK constraints (<see cref="ColumnChecks"/>).
    /// </summary>
    public override string ColumnType(TypeSpec spec, string schema) => spec.Category switch
    {
        TypeCategory.Int8 => "tinyint",
        TypeCategory.Int16 => "smallint",
        TypeCategory.Int32 => "int",
        TypeCategory.Int64 => "bigint",
        TypeCategory.Float32 => "float",
        TypeCategory.Float64 => "double",
        TypeCategory.Decimal => $"decimal({spec.Precision},{spec.Scale})",
        TypeCategory.Bool => "boolean",
        TypeCategory.Char => $"char({spec.Length})",
        TypeCategory.VarChar => $"varchar({spec.Length})",
        TypeCategory.Enum => "text",
        TypeCategory.Date => "date",
        TypeCategory.DateTime => spec.Precision is { } p ? $"datetime({p})" : "datetime",
        TypeCategory.Json => "json",
        TypeCategory.Uuid => "uuid",
        TypeCategory.Bytes => "blob",
        TypeCategory.Codec => CodecColumnType(spec, schema),
        _ => NativeType(spec.Text),
    };

    /// <summary>Whether a native type is declared with text affinity here (<c>text</c>, <c>longtext</c>, …).</summary>
    internal static bool IsTextType(string nativeType) => NativeType(nativeType) == "text";

    private static string NativeType(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.EndsWith("blob", StringComparison.Ordinal)) return "blob";
        if (lower.EndsWith("text", StringComparison.Ordinal)) return "text";
        if (lower.StartsWith("enum", StringComparison.Ordinal)) return "text";
        return text;
    }

    protected override string ClockDefault(string written)
    {
        var open = written.IndexOf('(', StringComparison.Ordinal);
        var precision = open < 0 ? 0 : int.Parse(written.AsSpan(open + 1, written.Length - open - 2), CultureInfo.InvariantCulture);
        // SQLite's clock has milliseconds; the substring keeps the declared digits.
        return precision == 0
            ? "(datetime('now', 'localtime'))"
            : $"(substr(strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'), 1, {20 + Math.Min(precision, 3)}))";
    }

    public override bool DefaultKeywordInValues => false;

    public override string DefaultInUpdate => "NULL";

    public override string InsertSelectSourceSuffix => " WHERE true";

    // MySQL's ranges and strictness, which SQLite's type affinity does not give: out-of-range integers, overlong
    // strings and values outside an enum are refused by the database.
    private string? ColumnChecks(AttributeDefinition a)
    {
        var c = Quote(a.Name);
        var check = a.Spec.Category switch
        {
            TypeCategory.Int8 => $"{c} BETWEEN -128 AND 127",
            TypeCategory.Int16 => $"{c} BETWEEN -32768 AND 32767",
            TypeCategory.Int32 => $"{c} BETWEEN -2147483648 AND 2147483647",
            TypeCategory.Bool => $"{c} IN (0, 1)",
            TypeCategory.Char or TypeCategory.VarChar => $"length({c}) <= {a.Spec.Length}",
            TypeCategory.Enum => $"{c} IN ({string.Join(", ", a.Spec.EnumValues.Select(QuoteLiteral))})",
            // Dates and datetimes are text in one format (ToDbValue); anything else ('not a date', '2024-1-1') is refused
            // as a server refuses it, rather than stored where comparisons and reads would go wrong.
            TypeCategory.Date => $"date({c}) IS {c}",
            TypeCategory.DateTime => $"datetime({c}) IS substr({c}, 1, 19)",
            TypeCategory.Json => $"json_valid({c})",
            // Up to 15 digits the comparison in floating point is exact; beyond, the bound is left to validation.
            TypeCategory.Decimal when a.Spec.Precision is { } p && p <= 15 => $"abs({c}) < 1e{(p - (a.Spec.Scale ?? 0)).ToString(CultureInfo.InvariantCulture)}",
            _ => null,
        };
        return check is null ? null : $"CHECK ({check})";
    }

    private string ColumnDefinition(AttributeDefinition a, string schema) =>
        $"{Quote(a.Name)} {ColumnType(a.Spec, schema)} {DefaultClause(a)}" + (ColumnChecks(a) is { } check ? " " + check : "");

    public override IReadOnlyList<string> DeclareTable(string schema, TableDefinition definition,
        Func<ForeignKeyDefinition, string> parentFullName)
    {
        var table = QualifiedName(schema, definition.TableName);
        var lines = definition.Attributes.Select(a => "  " + ColumnDefinition(a, schema)).ToList();
        if (PrimaryKeyClause(definition) is { } primaryKey) lines.Add(primaryKey);
        lines.AddRange(definition.ForeignKeys.Select(fk => ForeignKeyClause(fk, parentFullName(fk))));
        var statements = new List<string> { $"CREATE TABLE IF NOT EXISTS {table} (\n{string.Join(",\n", lines)}\n)" };

        var indexed = new List<IReadOnlyList<string>> { definition.PrimaryKey };
        foreach (var index in definition.Indexes)
        {
            statements.Add(CreateIndex(schema, definition.TableName, index.Attributes, index.Unique));
            indexed.Add(index.Attributes);
        }

        foreach (var fk in definition.ForeignKeys.Where(f => f.Unique))
        {
            statements.Add(CreateIndex(schema, definition.TableName, fk.Attributes, unique: true));
            indexed.Add(fk.Attributes);
        }

        // SQLite does not index referencing columns; cascading deletes and restrictions would scan without these.
        foreach (var fk in definition.ForeignKeys.Where(f => !f.Unique).OrderByDescending(f => f.Attributes.Count))
        {
            if (indexed.Any(columns => fk.Attributes.Count <= columns.Count && fk.Attributes.Select((c, i) => columns[i] == c).All(x => x))) continue;
            statements.Add(CreateIndex(schema, definition.TableName, fk.Attributes, unique: false));
            indexed.Add(fk.Attributes);
        }

        statements.Add(DeleteComments(schema, definition.TableName));
        var inherited = ForeignKeyColumns(definition);
        var comments = new List<(string Column, string Comment)> { ("", definition.Comment) };
        comments.AddRange(definition.Attributes.Select(a => (a.Name, inherited.Contains(a.Name) ? a.Comment : ColumnComment(a))));
        statements.Add(InsertComments(schema, definition.TableName, comments));
        return statements;
    }

    private string CreateIndex(string schema, string table, IReadOnlyList<string> columns, bool unique)
    {
        // Index names are global in a database: the table's full name keeps them apart.
        var name = $"{schema}.{table}.idx_{string.Join("_", columns.Select(c => c.Replace(' ', '_')))}";
        return $"CREATE {(unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {Quote(name)} ON {QualifiedName(schema, table)} ({string.Join(", ", columns.Select(IndexItem))})";
    }

    private string DeleteComments(string schema, string table, string? column = null) =>
        $"DELETE FROM {Quote(CommentsTable)} WHERE schema_name = {QuoteLiteral(schema)} AND table_name = {QuoteLiteral(table)}"
        + (column is null ? "" : $" AND column_name = {QuoteLiteral(column)}");

    private string InsertComments(string schema, string table, IEnumerable<(string Column, string Comment)> comments) =>
        $"INSERT OR REPLACE INTO {Quote(CommentsTable)} (schema_name, table_name, column_name, comment) VALUES "
        + string.Join(", ", comments.Select(c => $"({QuoteLiteral(schema)}, {QuoteLiteral(table)}, {QuoteLiteral(c.Column)}, {QuoteLiteral(c.Comment)})"));

    // SQLite alters one column per statement and cannot change a column's type in place; the statements run as one unit.
    public override IReadOnlyList<string> AlterTable(string schema, string table, IReadOnlyList<TableChange> changes)
    {
        var name = QualifiedName(schema, table);
        var statements = new List<string>();
        foreach (var change in changes)
        {
            switch (change)
            {
                case TableChange.Add add:
                    statements.Add($"ALTER TABLE {name} ADD COLUMN {ColumnDefinition(add.Attribute, schema)}");
                    statements.Add(InsertComments(schema, table, [(add.Attribute.Name, ColumnComment(add.Attribute))]));
                    break;
                case TableChange.Drop drop:
                    statements.Add($"ALTER TABLE {name} DROP COLUMN {Quote(drop.Name)}");
                    statements.Add(DeleteComments(schema, table, drop.Name));
                    break;
                case TableChange.Modify modify:
                    if (modify.OldName != modify.Attribute.Name)
                    {
                        statements.Add($"ALTER TABLE {name} RENAME COLUMN {Quote(modify.OldName)} TO {Quote(modify.Attribute.Name)}");
                        statements.Add(DeleteComments(schema, table, modify.OldName));
                    }

                    if (modify.ColumnChanged)
                    {
                        throw new NotSupportedException($"Backend.Sqlite cannot change the type, default or nullability of {name}.{Quote(modify.OldName)} "
                            + "in place (SQLite has no ALTER COLUMN): add a new attribute, copy the values, drop the old one.");
                    }

                    statements.Add(InsertComments(schema, table, [(modify.Attribute.Name, ColumnComment(modify.Attribute))]));
                    break;
                case TableChange.Comment comment:
                    statements.Add(InsertComments(schema, table, [("", comment.Text)]));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(changes), change, "Unknown table change.");
            }
        }

        return statements;
    }

    public override string CreateLineageTable(string qualifiedTable) =>
        $"CREATE TABLE IF NOT EXISTS {qualifiedTable} (\"table_name\" varchar(64) NOT NULL, \"attribute_name\" varchar(64) NOT NULL, "
        + "\"lineage\" varchar(255) NOT NULL, PRIMARY KEY (\"table_name\", \"attribute_name\"))";

    // One column per ALTER TABLE; the command runs the three statements in order.
    public override string AddJobMetadataColumns(string qualifiedTable) =>
        $"ALTER TABLE {qualifiedTable} ADD COLUMN \"_job_start_time\" datetime(3) DEFAULT NULL; "
        + $"ALTER TABLE {qualifiedTable} ADD COLUMN \"_job_duration\" float DEFAULT NULL; "
        + $"ALTER TABLE {qualifiedTable} ADD COLUMN \"_job_version\" varchar(64) DEFAULT ''";

    public override string NativeTypeName(string sqlType) => sqlType.Trim().ToLowerInvariant();

    public override DataJointException Translate(DbException exception, string context)
    {
        if (exception is not SqliteException e) return new QueryException($"{context}: {exception.Message}", exception);
        var code = e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture);
        var message = $"{context}: {e.Message}";
        return (e.SqliteErrorCode, e.SqliteExtendedErrorCode) switch
        {
            // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
            (19, 1555 or 2067) => new DuplicateKeyException(message + " Use skipDuplicates: true to ignore rows that already exist.", e, code),
            (19, 787) => new IntegrityException(message, e, code),
            // SQLITE_CONSTRAINT_CHECK: the CHECKs DataJoint declares stand for the server types' own limits (ColumnChecks), so a
            // violation is a value the column cannot hold, as a server reports it — not an integrity error.
            (19, 275) => new QueryException(message + " The value is outside what the attribute's type takes: an integer out of its range, "
                + "a string longer than declared, a bool other than 0/1 or a value not in the enum.", e, code),
            (19, 1299) => new MissingAttributeException(message, e, code),
            (19, _) => new IntegrityException(message, e, code),
            (23, _) => new AccessException(message, e, code),
            (1, _) when e.Message.Contains("no such column", StringComparison.Ordinal) || e.Message.Contains("has no column named", StringComparison.Ordinal) =>
                new UnknownAttributeException(message, e, code),
            (1, _) when e.Message.Contains("no such table", StringComparison.Ordinal) => new MissingTableException(message, e, code),
            (1, _) when e.Message.Contains("syntax error", StringComparison.Ordinal) => new QuerySyntaxException(message, e, code),
            (14, _) => new LostConnectionException(message, e, code),
            _ => new QueryException(message, e, code),
        };
    }

    // "UNIQUE constraint failed: schema.table.a, schema.table.b": the columns (a table's name holds a dot, a column's none).
    public override IReadOnlyList<string>? DuplicateKeyColumnsWithoutValues(string message)
    {
        const string failed = "UNIQUE constraint failed: ";
        var start = message.IndexOf(failed, StringComparison.Ordinal);
        if (start < 0) return null;
        start += failed.Length;
        var end = message.IndexOf('\'', start);
        return message[start..(end < 0 ? message.Length : end)].Split(", ").Select(c => c[(c.LastIndexOf('.') + 1)..]).ToArray();
    }

    // The values are added to SQLite's message by the insert, in PostgreSQL's form: "Key (a, b)=(1, x) already exists".
    public override string? DuplicatedPrimaryKey(string message, IReadOnlyList<string> primaryKey) => DuplicatedKeyInDetail(message, primaryKey);

    public override void AppendSkipDuplicates(SqlBuilder sql, string table, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns) =>
        OnConflictClause.AppendSkip(sql, this, primaryKey);

    public override BulkLoader BulkLoader { get; }

    public override string InsertVerb(bool replace) => "INSERT INTO ";

    public override void AppendReplace(SqlBuilder sql, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns) =>
        OnConflictClause.AppendReplace(sql, this, primaryKey, columns);

    protected override bool Produced(DbDataReader reader) => reader is SqliteDataReader;

    // Text columns have TEXT affinity and float columns REAL, so the getters read what is stored; asking the field type
    // first cost a native call per value.
    public override bool ConvertsOnRead => true;

    public override sbyte ReadInt8(DbDataReader reader, int ordinal) => checked((sbyte)reader.GetInt64(ordinal));

    public override bool ReadBool(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    // NUMERIC affinity stores a decimal as an integer or a real, which keep no trailing zeros (-87654.3210 is the real
    // -87654.321). A real is read as the shortest text that gives the same double (SQLite's own text has 17 digits,
    // 9999999999.9999008): a value of up to 15 significant digits, all a decimal(p ≤ 15) holds, comes back digit for digit.
    // The declared scale is then restored: adding a zero of scale s makes the scale at least s; more digits than s
    // (only where a longer value lost digits in the double) are rounded to s, as the column would have stored it.
    public override decimal ReadDecimal(DbDataReader reader, int ordinal, int scale)
    {
        var type = reader.GetFieldType(ordinal);
        decimal value;
        if (type == typeof(long))
        {
            value = reader.GetInt64(ordinal);
        }
        else if (type == typeof(double))
        {
            Span<char> text = stackalloc char[32];
            reader.GetDouble(ordinal).TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
            value = decimal.Parse(text[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else
        {
            value = decimal.Parse(reader.GetString(ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var s = Math.Min(scale, 28);
        return value.Scale < s ? value + new decimal(0, 0, 0, isNegative: false, (byte)s)
            : value.Scale > s ? Math.Round(value, s, MidpointRounding.AwayFromZero)
            : value;
    }

    // ---- Query SQL ----

    public override string TranslateExpression(string expression) => ExpressionTranslator.ToSqlite(expression);

    public override void AppendLimit(SqlBuilder sql, long? limit, long offset)
    {
        // SQLite has no OFFSET without LIMIT; a negative limit means no limit.
        if (limit is null && offset > 0) sql.Append(" LIMIT -1");
        base.AppendLimit(sql, limit, offset);
    }
}
