using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using DataJoint.Definition;
using Npgsql;
using NpgsqlTypes;

namespace DataJoint;

/// <summary>PostgreSQL 15+ through Npgsql.</summary>
internal sealed partial class PostgreSqlAdapter : BackendAdapter
{
    public static readonly PostgreSqlAdapter Instance = new();

    private PostgreSqlAdapter() => BulkLoader = new PostgreSqlCopyLoader(this);

    public override Backend Backend => Backend.PostgreSql;

    public override int MaxTableNameLength => 63;

    public override int DefaultPort => 5432;

    public override string TelemetrySystemName => "postgresql";

    public override IReadOnlyList<string> ConfigNames { get; } = ["postgresql", "postgres"];

    public override bool StoresInfinity => true;

    public override bool StoresNulInText => false;

    public override string Now => "LOCALTIMESTAMP(3)";

    public override string NowPlus(double seconds) =>
        $"(LOCALTIMESTAMP(3) + ({seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}) * INTERVAL '1 second')";

    public override string SessionId => "pg_backend_pid()";

    public override string CurrentUser => "current_user";

    // 40P01 deadlock detected, 40001 serialization failure.
    public override bool IsTransientConflict(DataJointException exception) => exception.ServerErrorCode is "40P01" or "40001";

    public override DbDataSource CreateDataSource(DatabaseSettings s, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = s.Host,
            Port = s.EffectivePort,
            Username = s.User ?? "",
            Password = s.Password ?? "",
            Database = s.Name ?? "postgres",
            Timeout = s.ConnectTimeout,
            SslMode = s.UseTls switch { true => SslMode.Require, false => SslMode.Disable, null => SslMode.Prefer },
            Pooling = true,
            MaxPoolSize = MaxPoolSize,
            // Constraint errors name the offending key only with the detail; it carries row values, never credentials
            // (Persist Security Info stays off, so the password is dropped from the connection string once opened).
            IncludeErrorDetail = true,
            PersistSecurityInfo = false,
        };
        var builder = new NpgsqlDataSourceBuilder(csb.ConnectionString);
        // DataJoint declares enums as named types per schema; read them (and other unmapped types) as text.
        builder.EnableUnmappedTypes();
        builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public override string Placeholder(int index) => "$" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override DbParameter CreateParameter(int index, object? value) => value switch
    {
        // Strings go untyped so the server reads them as the column's type (enum, jsonb, date text, ...).
        string s => new NpgsqlParameter { Value = s, NpgsqlDbType = NpgsqlDbType.Unknown },
        null => new NpgsqlParameter { Value = DBNull.Value },
        _ => new NpgsqlParameter { Value = value },
    };

    public override object? ToDbValue(TypeSpec spec, object? value) => value switch
    {
        null => null,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
        string s when spec.Category == TypeCategory.Uuid => Guid.Parse(s),
        sbyte b => (short)b,
        _ => ToDbValue(value),
    };

    public override object? ToDbValue(object? value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
        sbyte b => (short)b,
        _ => base.ToDbValue(value),
    };

    // Enum types are created per schema after the driver loaded its type catalog; read them as text.
    public override string? ReadExpression(string quotedName, TypeSpec spec) =>
        spec.Category == TypeCategory.Enum ? quotedName + "::text" : null;

    public override string JsonPathExpression(string quotedColumn, JsonPathKey key)
    {
        if (key.Path.Contains('*'))
        {
            throw new DataJointException($"The JSON path '{key.Attribute}.{key.Path}' has a wildcard, which PostgreSQL's "
                + "jsonb_extract_path_text cannot follow: name each step.");
        }

        var value = $"jsonb_extract_path_text({quotedColumn}, {string.Join(", ", key.Steps.Select(QuoteLiteral))})";
        return key.Type is null ? value : $"({value})::{key.Type}";
    }

    public override string ColumnType(TypeSpec spec, string schema) => spec.Category switch
    {
        TypeCategory.Int8 => "smallint",
        TypeCategory.Int16 => "smallint",
        TypeCategory.Int32 => "integer",
        TypeCategory.Int64 => "bigint",
        TypeCategory.Float32 => "real",
        TypeCategory.Float64 => "double precision",
        TypeCategory.Decimal => $"numeric({spec.Precision},{spec.Scale})",
        TypeCategory.Bool => "boolean",
        TypeCategory.Char => $"char({spec.Length})",
        TypeCategory.VarChar => $"varchar({spec.Length})",
        TypeCategory.Enum => QualifiedName(schema, EnumTypeName(spec.EnumValues)),
        TypeCategory.Date => "date",
        TypeCategory.DateTime => spec.Precision is { } p ? $"timestamp({p})" : "timestamp",
        TypeCategory.Json => "jsonb",
        TypeCategory.Uuid => "uuid",
        TypeCategory.Bytes => "bytea",
        TypeCategory.Codec => CodecColumnType(spec, schema),
        _ => NativeType(spec.Text),
    };

    private static string NativeType(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.EndsWith("text", StringComparison.Ordinal)) return "text";
        if (lower.EndsWith("blob", StringComparison.Ordinal)) return "bytea";
        if (lower.StartsWith("double", StringComparison.Ordinal)) return "double precision";
        return text;
    }

    /// <summary>DataJoint's name for the enum type of a value set: <c>enum_</c> + 8 hex digits of MD5 of the sorted values joined by <c>_</c>.</summary>
    internal static string EnumTypeName(IReadOnlyList<string> values)
    {
        var sorted = values.OrderBy(v => v, StringComparer.Ordinal);
        var joined = string.Join("_", sorted);
#pragma warning disable CA5351 // MD5 names the type (DataJoint-compatible), it protects nothing.
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(joined));
#pragma warning restore CA5351
        return "enum_" + Convert.ToHexStringLower(hash)[..8];
    }

    public override IReadOnlyList<string> DeclareTable(string schema, TableDefinition definition,
        Func<ForeignKeyDefinition, string> parentFullName)
    {
        var statements = new List<string>();
        var table = QualifiedName(schema, definition.TableName);
        statements.AddRange(CreateEnumTypes(schema, definition.Attributes));

        var lines = new List<string>();
        foreach (var a in definition.Attributes)
        {
            lines.Add($"  {Quote(a.Name)} {ColumnType(a.Spec, schema)} {DefaultClause(a)}");
        }

        if (PrimaryKeyClause(definition) is { } primaryKey) lines.Add(primaryKey);

        foreach (var fk in definition.ForeignKeys)
        {
            lines.Add(ForeignKeyClause(fk, parentFullName(fk)));
        }

        statements.Add($"CREATE TABLE IF NOT EXISTS {table} (\n{string.Join(",\n", lines)}\n)");
        statements.Add($"COMMENT ON TABLE {table} IS {QuoteLiteral(definition.Comment)}");
        var inherited = ForeignKeyColumns(definition);
        foreach (var a in definition.Attributes.Where(a => !inherited.Contains(a.Name)))
        {
            var comment = ColumnComment(a);
            if (comment.Length > 0) statements.Add($"COMMENT ON COLUMN {table}.{Quote(a.Name)} IS {QuoteLiteral(comment)}");
        }

        var indexed = new List<IReadOnlyList<string>> { definition.PrimaryKey };
        foreach (var index in definition.Indexes)
        {
            statements.Add(CreateIndex(table, definition.TableName, index.Attributes, index.Unique));
            indexed.Add(index.Attributes);
        }

        foreach (var fk in definition.ForeignKeys)
        {
            if (fk.Unique)
            {
                statements.Add(CreateIndex(table, definition.TableName, fk.Attributes, unique: true));
                indexed.Add(fk.Attributes);
            }
        }

        // PostgreSQL does not index referencing columns; cascading deletes would scan without these.
        foreach (var fk in definition.ForeignKeys.Where(f => !f.Unique).OrderByDescending(f => f.Attributes.Count))
        {
            if (indexed.Any(cols => IsPrefix(fk.Attributes, cols))) continue;
            statements.Add(CreateIndex(table, definition.TableName, fk.Attributes, unique: false));
            indexed.Add(fk.Attributes);
        }

        return statements;
    }

    /// <summary>The statements creating the enum types the attributes use, each unless it exists.</summary>
    private IEnumerable<string> CreateEnumTypes(string schema, IEnumerable<AttributeDefinition> attributes) =>
        attributes.Where(a => a.Spec.Category == TypeCategory.Enum).Select(a => a.Spec.EnumValues).DistinctBy(v => EnumTypeName(v))
            .Select(values => $"DO $$ BEGIN CREATE TYPE {QualifiedName(schema, EnumTypeName(values))} AS ENUM "
                + $"({string.Join(", ", values.Select(QuoteLiteral))}); EXCEPTION WHEN duplicate_object THEN NULL; END $$");

    // PostgreSQL alters one property per clause; the statements run in one transaction, so they apply together or not at all.
    public override IReadOnlyList<string> AlterTable(string schema, string table, IReadOnlyList<TableChange> changes)
    {
        var name = QualifiedName(schema, table);
        var statements = CreateEnumTypes(schema, changes.OfType<TableChange.Add>().Select(a => a.Attribute)
            .Concat(changes.OfType<TableChange.Modify>().Select(m => m.Attribute))).ToList();
        foreach (var change in changes)
        {
            switch (change)
            {
                case TableChange.Add add:
                    statements.Add($"ALTER TABLE {name} ADD COLUMN {Quote(add.Attribute.Name)} {ColumnType(add.Attribute.Spec, schema)} {DefaultClause(add.Attribute)}");
                    statements.Add(CommentOnColumn(name, add.Attribute));
                    break;
                case TableChange.Drop drop:
                    statements.Add($"ALTER TABLE {name} DROP COLUMN {Quote(drop.Name)}");
                    break;
                case TableChange.Modify modify:
                    var a = modify.Attribute;
                    var column = Quote(a.Name);
                    if (modify.OldName != a.Name) statements.Add($"ALTER TABLE {name} RENAME COLUMN {Quote(modify.OldName)} TO {column}");
                    var type = ColumnType(a.Spec, schema);
                    var defaultSql = DefaultExpression(a);
                    // Through text, so every conversion the values allow works (enum to enum, integer widths, varchar lengths).
                    statements.Add($"ALTER TABLE {name} ALTER COLUMN {column} DROP DEFAULT, ALTER COLUMN {column} TYPE {type} USING {column}::text::{type}, "
                        + $"ALTER COLUMN {column} {(a.Nullable ? "DROP" : "SET")} NOT NULL"
                        + (defaultSql is null or "NULL" ? "" : $", ALTER COLUMN {column} SET DEFAULT {defaultSql}"));
                    statements.Add(CommentOnColumn(name, a));
                    break;
                case TableChange.Comment comment:
                    statements.Add($"COMMENT ON TABLE {name} IS {QuoteLiteral(comment.Text)}");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(changes), change, "Unknown table change.");
            }
        }

        return statements;
    }

    private string CommentOnColumn(string table, AttributeDefinition a)
    {
        var comment = ColumnComment(a);
        return $"COMMENT ON COLUMN {table}.{Quote(a.Name)} IS {(comment.Length == 0 ? "NULL" : QuoteLiteral(comment))}";
    }

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> columns) =>
        prefix.Count <= columns.Count && prefix.Select((c, i) => columns[i] == c).All(x => x);

    private string CreateIndex(string table, string tableName, IReadOnlyList<string> columns, bool unique)
    {
        var raw = $"idx_{tableName}_{string.Join("_", columns)}";
        var name = raw.Length <= 63 ? raw : raw[..54] + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..8];
        var items = string.Join(", ", columns.Select(IndexItem));
        return $"CREATE {(unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {Quote(name)} ON {table} ({items})";
    }

    public override string CreateLineageTable(string qualifiedTable) =>
        $"CREATE TABLE IF NOT EXISTS {qualifiedTable} (\"table_name\" varchar(64) NOT NULL, \"attribute_name\" varchar(64) NOT NULL, "
        + "\"lineage\" varchar(255) NOT NULL, PRIMARY KEY (\"table_name\", \"attribute_name\"))";

    public override string AddJobMetadataColumns(string qualifiedTable) =>
        $"ALTER TABLE {qualifiedTable} ADD COLUMN \"_job_start_time\" timestamp DEFAULT NULL, "
        + "ADD COLUMN \"_job_duration\" real DEFAULT NULL, ADD COLUMN \"_job_version\" varchar(64) DEFAULT ''";

    public override string ForeignKeysReferencing => ForeignKeysWhere("pn.nspname = $1");

    public override string ForeignKeysDeclaredIn => ForeignKeysWhere("cn.nspname = $1");

    public override string ForeignKeysOfTable => ForeignKeysWhere("cn.nspname = $1 AND c.relname = $2");

    /// <summary>
    /// The server's spelling (<c>format_type</c>) turned into DataJoint's: sized character types and numeric as
    /// DataJoint writes them, timestamps without the time-zone words, the common aliases folded, an enum type without its schema.
    /// </summary>
    public override string NativeTypeName(string sqlType)
    {
        var type = sqlType.Trim();
        var sized = SizedType().Match(type);
        if (sized.Success)
        {
            var args = sized.Groups["args"].Value.Replace(" ", "", StringComparison.Ordinal);
            return sized.Groups["name"].Value.ToLowerInvariant() switch
            {
                "character varying" or "varchar" => $"varchar({args})",
                "character" or "char" or "bpchar" => $"char({args})",
                "numeric" or "decimal" => args.Contains(',', StringComparison.Ordinal) ? $"decimal({args})" : $"decimal({args},0)",
                "timestamp without time zone" or "timestamp" => $"timestamp({args})",
                var name => $"{name}({args})",
            };
        }

        var precision = TimestampPrecision().Match(type);
        if (precision.Success) return $"timestamp({precision.Groups[1].Value})";
        var unqualified = type.Contains('.', StringComparison.Ordinal) ? type[(type.LastIndexOf('.') + 1)..].Trim('"') : type;
        return unqualified.ToLowerInvariant() switch
        {
            "int" or "int4" => "integer",
            "int2" => "smallint",
            "int8" => "bigint",
            "float4" => "real",
            "float8" or "double" => "double precision",
            "bool" => "boolean",
            "timestamp without time zone" => "timestamp",
            "timestamptz" => "timestamp with time zone",
            "numeric" or "decimal" => "numeric",
            var other => other,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>character varying|varchar|character|char|bpchar|numeric|decimal|timestamp without time zone|timestamp|bit varying|bit|time without time zone|time)\s*\((?<args>[^)]*)\)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SizedType();

    [System.Text.RegularExpressions.GeneratedRegex(@"^timestamp\((\d)\) without time zone$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TimestampPrecision();

    private static string ForeignKeysWhere(string filter) =>
        "SELECT cn.nspname::text, c.relname::text, con.conname::text, a.attname::text, pn.nspname::text, p.relname::text, pa.attname::text "
        + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace "
        + "JOIN pg_class p ON p.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace "
        + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord) "
        + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
        + "JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.fattnum "
        + $"WHERE con.contype = 'f' AND {filter} ORDER BY 1, 2, 3, k.ord";

    public override string CreateSchema(string schema) => $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}";

    public override string DropSchema(string schema) => $"DROP SCHEMA IF EXISTS {Quote(schema)} CASCADE";

    public override string DroppableTypesOfTable =>
        "SELECT DISTINCT tn.nspname::text, t.typname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace "
        + "WHERE n.nspname = $1 AND c.relname = $2 AND t.typtype = 'e' AND NOT a.attisdropped";

    // Enum types are shared by every table using the same value set (DataJoint names them by a hash of the values), so
    // one is dropped only when no column uses it any more — never with CASCADE, which would drop other tables' columns.
    public override string DropTypeIfUnused(string schema, string type) =>
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
        + "JOIN pg_namespace n ON n.oid = t.typnamespace "
        + $"WHERE n.nspname = {QuoteLiteral(schema)} AND t.typname = {QuoteLiteral(type)} AND NOT a.attisdropped) "
        + $"THEN DROP TYPE IF EXISTS {QualifiedName(schema, type)}; END IF; END $$";

    public override string SchemaExists => "SELECT 1 FROM information_schema.schemata WHERE schema_name = $1";

    public override string ListTables =>
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name";

    public override string TableExists =>
        "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2";

    public override string ListSchemas =>
        "SELECT nspname::text FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        + "AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' ORDER BY nspname";

    public override string TableCommentQuery =>
        "SELECT obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = $1 AND c.relname = $2";

    // pg_get_indexdef(index, k, true) gives the k-th key column's name, or its expression.
    public override string IndexesQuery =>
        "SELECT ic.relname::text, pg_get_indexdef(i.indexrelid, k.n, true), NOT i.indisunique, k.n "
        + "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace "
        + "JOIN pg_class ic ON ic.oid = i.indexrelid CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(n) "
        + "WHERE ns.nspname = $1 AND c.relname = $2 AND NOT i.indisprimary ORDER BY ic.relname, k.n";

    // pg_get_expr spells a literal default with its cast ('mouse'::character varying, '3'::smallint, NULL::date), a
    // negative number in parentheses, and the clock as CURRENT_TIMESTAMP(p).
    public override ServerDefault? ReadServerDefault(string reported)
    {
        var text = reported.Trim();
        while (text.Length > 1 && text[0] == '(' && text[^1] == ')') text = text[1..^1].Trim();
        var clock = ClockDefault().Match(text);
        if (clock.Success) return ServerDefault.Clock(clock.Groups["p"].Value);
        var literal = CastLiteral().Match(text);
        if (literal.Success)
        {
            var value = literal.Groups["v"].Value;
            if (value.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
            text = value;
        }

        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') return new ServerDefault(ServerDefault.Unquote(text), IsClock: false);
        return new ServerDefault(text.ToLowerInvariant() switch { "true" => "1", "false" => "0", _ => text }, IsClock: false);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:current_timestamp|now\(\))\s*(\(\s*(?<p>\d*)\s*\))?$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClockDefault();

    // A value followed by one or more casts: the value is a quoted literal ('' inside it) or a bare token.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<v>'(?:[^']|'')*'|[^':\s]+)(?:\s*::\s*[\w\s."" ()\[\],]+?)+$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CastLiteral();

    public override string PrimaryKeyColumns =>
        "SELECT c.relname::text, a.attname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
        + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) "
        + "WHERE i.indisprimary AND n.nspname = $1 ORDER BY 1, array_position(i.indkey::int2[], a.attnum)";

    public override string NullableColumns =>
        "SELECT c.relname::text, a.attname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        + "JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attnotnull";

    public override string ColumnsQuery =>
        "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END, "
        + "pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum), "
        + "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY(i.indkey)) "
        + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        + "WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    public override DataJointException Translate(DbException exception, string context)
    {
        if (exception is not PostgresException p)
        {
            return exception is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException }
                ? new LostConnectionException($"{context}: {exception.Message}", exception)
                : new QueryException($"{context}: {exception.Message}", exception);
        }

        var message = $"{context}: {p.MessageText}" + (p.Detail is { Length: > 0 } d ? $" ({d})" : "");
        return p.SqlState switch
        {
            "23505" => new DuplicateKeyException(message + " Use skipDuplicates: true to ignore rows that already exist.", p, p.SqlState),
            "23503" => new IntegrityException(message, p, p.SqlState),
            "42501" or "28P01" or "28000" => new AccessException(message, p, p.SqlState),
            "42703" => new UnknownAttributeException(message, p, p.SqlState),
            "23502" => new MissingAttributeException(message, p, p.SqlState),
            "42601" => new QuerySyntaxException(message, p, p.SqlState),
            "42P01" => new MissingTableException(message, p, p.SqlState),
            "08000" or "08003" or "08006" or "57P01" => new LostConnectionException(message, p, p.SqlState),
            _ => new QueryException(message, p, p.SqlState),
        };
    }

    // The detail (sent because the data source sets Include Error Detail) reads "Key (a, b)=(1, x) already exists."
    public override string? DuplicatedPrimaryKey(string message, IReadOnlyList<string> primaryKey) => DuplicatedKeyInDetail(message, primaryKey);

    public override void AppendSkipDuplicates(SqlBuilder sql, string table, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns) =>
        OnConflictClause.AppendSkip(sql, this, primaryKey);

    public override BulkLoader BulkLoader { get; }

    public override string InsertVerb(bool replace) => "INSERT INTO ";

    public override void AppendReplace(SqlBuilder sql, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns) =>
        OnConflictClause.AppendReplace(sql, this, primaryKey, columns);

    protected override bool Produced(DbDataReader reader) => reader is NpgsqlDataReader;

    // int8 is declared smallint (PostgreSQL has no one-byte integer); the declared range is checked on insert.
    public override sbyte ReadInt8(DbDataReader reader, int ordinal) => checked((sbyte)reader.GetInt16(ordinal));

    // ---- Query SQL ----

    public override string TranslateExpression(string expression) => ExpressionTranslator.ToPostgreSql(expression);
}
