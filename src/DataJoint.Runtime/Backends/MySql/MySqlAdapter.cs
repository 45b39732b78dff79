using System.Data.Common;
using System.Text;
using DataJoint.Definition;
using MySqlConnector;

namespace DataJoint;

/// <summary>MySQL 8 and MariaDB through MySqlConnector.</summary>
internal sealed partial class MySqlAdapter : BackendAdapter
{
    // Every statement names its parameters, twice (in the text and on the parameter): the common ones are built once
    // (declared before Instance, whose construction may already render statements).
    private static readonly string[] Placeholders = Enumerable.Range(0, 64)
        .Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public static readonly MySqlAdapter Instance = new();

    private MySqlAdapter() { }

    public override Backend Backend => Backend.MySql;

    public override int MaxTableNameLength => 64;

    public override int DefaultPort => 3306;

    public override string TelemetrySystemName => "mysql";

    public override IReadOnlyList<string> ConfigNames { get; } = ["mysql", "mariadb"];

    public override bool StoresInfinity => false;

    public override bool StoresNulInText => true;

    public override string Now => "CURRENT_TIMESTAMP(3)";

    public override string NowPlus(double seconds)
    {
        var microseconds = (long)Math.Round(seconds * 1_000_000);
        return $"(CURRENT_TIMESTAMP(3) + INTERVAL {microseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} MICROSECOND)";
    }

    public override string SessionId => "CONNECTION_ID()";

    public override string CurrentUser => "USER()";

    // 1213 deadlock, 1205 lock wait timeout (InnoDB rolls back the statement only; the statement can run again).
    public override bool IsTransientConflict(DataJointException exception) => exception.ServerErrorCode is "1213" or "1205";

    // MySQL reads a backslash in a string literal as an escape (unless NO_BACKSLASH_ESCAPES), so it is doubled too.
    protected override string QuoteLiteral(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    // DataJoint's session mode: strict, and GROUP BY must name every non-aggregated column.
    private const string SqlModeSetup =
        "SET SESSION sql_mode='NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY'";

    public override DbDataSource CreateDataSource(DatabaseSettings s, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        var csb = new MySqlConnectionStringBuilder
        {
            Server = s.Host,
            Port = (uint)s.EffectivePort,
            UserID = s.User ?? "",
            Password = s.Password ?? "",
            ConnectionTimeout = (uint)s.ConnectTimeout,
            SslMode = s.UseTls switch { true => MySqlSslMode.Required, false => MySqlSslMode.None, null => MySqlSslMode.Preferred },
            // uuid is binary(16) in RFC (big-endian) byte order; the runtime converts, so the driver must not.
            GuidFormat = MySqlGuidFormat.None,
            // Bulk inserts stream rows with LOAD DATA LOCAL (MySqlBulkCopy); the server must allow it too (local_infile).
            AllowLoadLocalInfile = s.AllowLocalInfile,
            AllowUserVariables = true,
            Pooling = true,
            MaximumPoolSize = MaxPoolSize,
            // Session state (DataJoint's sql_mode) is set once per physical connection instead of on every checkout;
            // a transaction left open is rolled back when its Transaction is disposed (MySqlStatementTransaction).
            ConnectionReset = false,
        };
        return new MySqlDataSourceBuilder(csb.ConnectionString).UseConnectionOpenedCallback(SetSqlMode).UseLoggerFactory(loggerFactory).Build();
    }

    // Synchronous on purpose, once per physical connection: an awaited command here made every synchronous open of a
    // new connection hop through the thread pool. Under an asynchronous open it blocks for one short round trip.
    private static ValueTask SetSqlMode(MySqlConnectionOpenedContext context, CancellationToken cancellationToken)
    {
        if (context.Conditions == MySqlConnectionOpenedConditions.None) return ValueTask.CompletedTask;
        using var command = context.Connection.CreateCommand();
        command.CommandText = SqlModeSetup;
        command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    public override string Placeholder(int index) => index < Placeholders.Length
        ? Placeholders[index]
        : "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);


    public override DbParameter CreateParameter(int index, object? value) =>
        new MySqlParameter { ParameterName = Placeholder(index), Value = value ?? DBNull.Value };

    public override object? ToDbValue(TypeSpec spec, object? value) => value switch
    {
        null => null,
        Guid g => g.ToByteArray(bigEndian: true),
        string s when spec.Category == TypeCategory.Uuid => Guid.Parse(s).ToByteArray(bigEndian: true),
        _ => ToDbValue(value),
    };

    public override object? ToDbValue(object? value) => value is Guid g ? g.ToByteArray(bigEndian: true) : base.ToDbValue(value);

    // DataJoint writes json_value, but MariaDB's prints JSON true as 1 and MySQL's cannot read objects; the unquoted
    // extract reads every value as JSON prints it on both. JSON_VALUE's RETURNING is MySQL-only; CAST works on both.
    public override string JsonPathExpression(string quotedColumn, JsonPathKey key)
    {
        var value = $"json_unquote(json_extract({quotedColumn}, {QuoteLiteral("$." + key.Path)}))";
        return key.Type is null ? value : $"CAST({value} AS {key.Type})";
    }

    public override string ColumnType(TypeSpec spec, string schema) => spec.Category switch
    {
        TypeCategory.Int8 => "tinyint",
        TypeCategory.Int16 => "smallint",
        TypeCategory.Int32 => "int",
        TypeCategory.Int64 => "bigint",
        TypeCategory.Float32 => "float",
        TypeCategory.Float64 => "double",
        TypeCategory.Decimal => $"decimal({spec.Precision},{spec.Scale})",
        TypeCategory.Bool => "tinyint",
        TypeCategory.Char => $"char({spec.Length})",
        TypeCategory.VarChar => $"varchar({spec.Length})",
        TypeCategory.Enum => "enum(" + string.Join(",", spec.EnumValues.Select(QuoteLiteral)) + ")",
        TypeCategory.Date => "date",
        TypeCategory.DateTime => spec.Precision is { } p ? $"datetime({p})" : "datetime",
        TypeCategory.Json => "json",
        TypeCategory.Uuid => "binary(16)",
        TypeCategory.Bytes => "longblob",
        TypeCategory.Codec => CodecColumnType(spec, schema),
        _ => spec.Text,
    };

    public override IReadOnlyList<string> DeclareTable(string schema, TableDefinition definition,
        Func<ForeignKeyDefinition, string> parentFullName)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(QualifiedName(schema, definition.TableName)).Append(" (\n");
        var lines = new List<string>();
        var inherited = ForeignKeyColumns(definition);
        foreach (var a in definition.Attributes)
        {
            lines.Add("  " + ColumnDefinition(a, schema, inherited.Contains(a.Name)));
        }

        if (PrimaryKeyClause(definition) is { } primaryKey) lines.Add(primaryKey);

        foreach (var fk in definition.ForeignKeys)
        {
            lines.Add(ForeignKeyClause(fk, parentFullName(fk)));
            if (fk.Unique)
            {
                lines.Add("  UNIQUE INDEX (" + string.Join(",", fk.Attributes.Select(Quote)) + ")");
            }
        }

        foreach (var index in definition.Indexes)
        {
            lines.Add("  " + (index.Unique ? "UNIQUE " : "") + "INDEX (" + string.Join(",", index.Attributes.Select(IndexItem)) + ")");
        }

        sql.Append(string.Join(",\n", lines)).Append("\n) ENGINE=InnoDB, COMMENT ").Append(QuoteLiteral(definition.Comment));
        return [sql.ToString()];
    }


    /// <summary>A column as CREATE TABLE and ALTER TABLE write it; a foreign-key column keeps its comment without a marker.</summary>
    private string ColumnDefinition(AttributeDefinition a, string schema, bool inherited = false) =>
        $"{Quote(a.Name)} {ColumnType(a.Spec, schema)} {DefaultClause(a)} COMMENT {QuoteLiteral(inherited ? a.Comment : ColumnComment(a))}";

    // One ALTER TABLE: MySQL applies its clauses together or not at all.
    public override IReadOnlyList<string> AlterTable(string schema, string table, IReadOnlyList<TableChange> changes)
    {
        var clauses = changes.Select(change => change switch
        {
            TableChange.Add add => "ADD COLUMN " + ColumnDefinition(add.Attribute, schema),
            TableChange.Drop drop => "DROP COLUMN " + Quote(drop.Name),
            TableChange.Modify modify => modify.OldName == modify.Attribute.Name
                ? "MODIFY COLUMN " + ColumnDefinition(modify.Attribute, schema)
                : $"CHANGE COLUMN {Quote(modify.OldName)} " + ColumnDefinition(modify.Attribute, schema),
            TableChange.Comment comment => "COMMENT " + QuoteLiteral(comment.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(changes), change, "Unknown table change."),
        });
        return [$"ALTER TABLE {QualifiedName(schema, table)} " + string.Join(", ", clauses)];
    }

    public override string CreateLineageTable(string qualifiedTable) =>
        $"CREATE TABLE IF NOT EXISTS {qualifiedTable} (`table_name` varchar(64) NOT NULL COMMENT 'table name within the schema', "
        + "`attribute_name` varchar(64) NOT NULL COMMENT 'attribute name', `lineage` varchar(255) NOT NULL COMMENT 'origin: schema.table.attribute', "
        + "PRIMARY KEY (`table_name`, `attribute_name`)) ENGINE=InnoDB";

    public override string AddJobMetadataColumns(string qualifiedTable) =>
        $"ALTER TABLE {qualifiedTable} ADD COLUMN `_job_start_time` datetime(3) DEFAULT NULL, "
        + "ADD COLUMN `_job_duration` float DEFAULT NULL, ADD COLUMN `_job_version` varchar(64) DEFAULT ''";

    public override string ForeignKeysReferencing => ForeignKeysWhere("referenced_table_schema = @p0");

    public override string ForeignKeysDeclaredIn => ForeignKeysWhere("table_schema = @p0");

    public override string ForeignKeysOfTable => ForeignKeysWhere("table_schema = @p0 AND table_name = @p1");

    // Integer and float display widths (int(11), tinyint(4)) carry no meaning; DataJoint drops them.
    public override string NativeTypeName(string sqlType)
    {
        var type = sqlType.Trim();
        var match = DisplayWidth().Match(type);
        return match.Success ? match.Groups["base"].Value + match.Groups["rest"].Value : type;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<base>(tiny|small|medium|big)?int|integer|float|double|real)\s*\(\d+\)(?<rest>.*)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DisplayWidth();

    private static string ForeignKeysWhere(string filter) =>
        "SELECT table_schema, table_name, constraint_name, column_name, referenced_table_schema, referenced_table_name, referenced_column_name "
        + $"FROM information_schema.key_column_usage WHERE {filter} AND referenced_table_name IS NOT NULL "
        + "ORDER BY table_schema, table_name, constraint_name, ordinal_position";

    public override string CreateSchema(string schema) => $"CREATE DATABASE IF NOT EXISTS {Quote(schema)}";

    public override string DropSchema(string schema) => $"DROP DATABASE IF EXISTS {Quote(schema)}";

    public override string SchemaExists => "SELECT 1 FROM information_schema.schemata WHERE schema_name = @p0";

    public override string ListTables =>
        "SELECT table_name FROM information_schema.tables WHERE table_schema = @p0 ORDER BY table_name";

    public override string TableExists =>
        "SELECT 1 FROM information_schema.tables WHERE table_schema = @p0 AND table_name = @p1";

    public override string ListSchemas =>
        "SELECT schema_name FROM information_schema.schemata "
        + "WHERE schema_name NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys') ORDER BY schema_name";

    public override string TableCommentQuery =>
        "SELECT table_comment FROM information_schema.tables WHERE table_schema = @p0 AND table_name = @p1";

    // MySQL 8 reports a functional index item with a NULL column and its text in `expression`; MariaDB has neither.
    public override string IndexesQuery =>
        "SELECT index_name, column_name, non_unique, seq_in_index FROM information_schema.statistics "
        + "WHERE table_schema = @p0 AND table_name = @p1 AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index";

    // MariaDB (10.2.7 on) quotes literal defaults and writes the clock as current_timestamp(); MySQL 8 leaves literals
    // unquoted. NULL is the text NULL on MariaDB.
    public override ServerDefault? ReadServerDefault(string reported)
    {
        var text = reported.Trim();
        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
        var clock = ClockDefault().Match(text);
        if (clock.Success) return ServerDefault.Clock(clock.Groups["p"].Value);
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return new ServerDefault(ServerDefault.Unquote(text).Replace(@"\\", @"\", StringComparison.Ordinal), IsClock: false);
        }

        return new ServerDefault(reported, IsClock: false);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^current_timestamp\s*(\(\s*(?<p>\d*)\s*\))?$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClockDefault();

    public override string PrimaryKeyColumns =>
        "SELECT table_name, column_name FROM information_schema.key_column_usage "
        + "WHERE table_schema = @p0 AND constraint_name = 'PRIMARY' ORDER BY table_name, ordinal_position";

    public override string NullableColumns =>
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = @p0 AND is_nullable = 'YES'";

    public override string ColumnsQuery =>
        "SELECT column_name, column_type, is_nullable, column_default, column_comment, column_key = 'PRI' "
        + "FROM information_schema.columns WHERE table_schema = @p0 AND table_name = @p1 ORDER BY ordinal_position";

    public override DataJointException Translate(DbException exception, string context) => exception is MySqlException m
        ? Translate((int)m.ErrorCode, $"{context}: {m.Message}", m)
        : new QueryException($"{context}: {exception.Message}", exception);

    /// <summary>The exception for a server error number (also used for the warnings a bulk load reports instead of errors).</summary>
    internal static DataJointException Translate(int errorNumber, string message, Exception? inner)
    {
        var code = errorNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return errorNumber switch
        {
            1062 => new DuplicateKeyException(message + " Use skipDuplicates: true to ignore rows that already exist.", inner, code),
            1216 or 1217 or 1451 or 1452 or 3730 => new IntegrityException(message, inner, code),
            1044 or 1142 or 1045 => new AccessException(message, inner, code),
            1054 => new UnknownAttributeException(message, inner, code),
            1364 or 1048 or 1263 => new MissingAttributeException(message, inner, code),
            1064 => new QuerySyntaxException(message, inner, code),
            1146 => new MissingTableException(message, inner, code),
            0 or 2006 or 2013 or 1042 => new LostConnectionException(message, inner, code),
            _ => new QueryException(message, inner, code),
        };
    }

    public override string WithRowOfInput(string message, Func<int, long> rowOfInput) =>
        ServerRow().Replace(message, m => $" at row {rowOfInput(int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture))} of the insert");

    // "Duplicate entry '5-a' for key 'PRIMARY'" (MySQL 8 qualifies the key: 't.PRIMARY'); the key's values are joined by '-'.
    public override string? DuplicatedPrimaryKey(string message, IReadOnlyList<string> primaryKey) =>
        DuplicateEntry().Match(message) is { Success: true } m ? m.Groups["values"].Value : null;

    public override string KeyText(IEnumerable<string> values) => string.Join("-", values);

    [System.Text.RegularExpressions.GeneratedRegex(@" at row (\d+)")]
    private static partial System.Text.RegularExpressions.Regex ServerRow();

    [System.Text.RegularExpressions.GeneratedRegex(@"Duplicate entry '(?<values>.*)' for key '(?:[^']*\.)?PRIMARY'", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex DuplicateEntry();

    public override void AppendSkipDuplicates(SqlBuilder sql, string table, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns)
    {
        // A no-op update: rows whose key exists are left as they are. The right side names the target table so that an
        // INSERT … SELECT whose source has the same column is not ambiguous.
        var first = primaryKey.Count > 0 ? primaryKey[0] : columns[0];
        sql.Append(" ON DUPLICATE KEY UPDATE ").Identifier(first).Append('=').Append(table).Append('.').Identifier(first);
    }

    public override BulkLoader BulkLoader { get; } = new MySqlBulkCopyLoader();

    public override string InsertVerb(bool replace) => replace ? "REPLACE INTO " : "INSERT INTO ";

    public override void AppendReplace(SqlBuilder sql, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns)
    {
        // REPLACE INTO already replaces; nothing to append.
    }

    // ---- Query SQL ----

    public override bool HavingSeesSelectAliases => true;

    public override string TranslateExpression(string expression) => ExpressionTranslator.ToMySql(expression);

    protected override bool Produced(DbDataReader reader) => reader is MySqlDataReader;

    // bool is declared tinyint (the driver's boolean mapping covers only tinyint(1)); uuid is binary(16) in RFC byte order.
    public override sbyte ReadInt8(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(sbyte)
        ? reader.GetFieldValue<sbyte>(ordinal)
        : Convert.ToSByte(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public override bool ReadBool(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(bool)
        ? reader.GetBoolean(ordinal)
        : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) != 0;

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => new(reader.GetFieldValue<byte[]>(ordinal), bigEndian: true);

    public override void AppendLimit(SqlBuilder sql, long? limit, long offset)
    {
        // MySQL has no OFFSET without LIMIT; its manual's idiom for "all remaining rows" is the largest row count.
        if (limit is null && offset > 0) sql.Append(" LIMIT 18446744073709551615");
        base.AppendLimit(sql, limit, offset);
    }
}
