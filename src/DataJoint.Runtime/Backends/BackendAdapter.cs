using System.Data.Common;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// Everything that differs between database servers: connecting, quoting, placeholders, type mapping,
/// DDL, introspection and error translation. One subclass per backend; query code never branches on the
/// backend itself.
/// </summary>
internal abstract partial class BackendAdapter
{
    public abstract Backend Backend { get; }

    /// <summary>Most connections a data source pools.</summary>
    public const int MaxPoolSize = 100;

    /// <summary>Longest table name the server accepts.</summary>
    public abstract int MaxTableNameLength { get; }

    /// <summary>The port the server listens on unless told otherwise.</summary>
    public abstract int DefaultPort { get; }

    /// <summary>The OpenTelemetry <c>db.system</c> name of the server (<c>mysql</c>, <c>postgresql</c>).</summary>
    public abstract string TelemetrySystemName { get; }

    /// <summary>The names <c>database.backend</c> accepts for this server, the canonical one first.</summary>
    public abstract IReadOnlyList<string> ConfigNames { get; }

    /// <summary>Whether float columns hold ±Infinity (PostgreSQL does; MySQL refuses them).</summary>
    public abstract bool StoresInfinity { get; }

    /// <summary>Whether text columns hold U+0000 (MySQL does; PostgreSQL refuses it).</summary>
    public abstract bool StoresNulInText { get; }

    // ---- Server expressions the job table uses ----

    /// <summary>The server's current time as the job table's <c>datetime(3)</c> columns store it.</summary>
    public abstract string Now { get; }

    /// <summary>The server time shifted by <paramref name="seconds"/> (negative: in the past), the number formatted invariantly.</summary>
    public abstract string NowPlus(double seconds);

    /// <summary>The id of the server session running the statement (DataJoint's <c>connection_id</c>).</summary>
    public abstract string SessionId { get; }

    /// <summary>The database user running the statement.</summary>
    public abstract string CurrentUser { get; }

    /// <summary>
    /// Whether a failed statement lost only to a concurrent transaction (deadlock, serialization failure) and can simply run
    /// again; <see cref="TransientRetry"/> retries those.
    /// </summary>
    public abstract bool IsTransientConflict(DataJointException exception);

    /// <summary>The pooled driver data source; the driver logs through <paramref name="loggerFactory"/>.</summary>
    public abstract DbDataSource CreateDataSource(DatabaseSettings settings, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory);

    public abstract string Quote(string identifier);

    /// <summary>A table's full name as SQL names it: <c>`schema`.`table`</c>, or what the backend maps a schema to.</summary>
    public virtual string QualifiedName(string schema, string table) => $"{Quote(schema)}.{Quote(table)}";

    /// <summary>
    /// The schema and table of a full name written the backend's own way (<see cref="QualifiedName"/>) when that is not
    /// the common <c>schema.table</c> form; null otherwise.
    /// </summary>
    public virtual (string Schema, string Table)? SplitQualifiedName(string fullName) => null;

    /// <summary>Whether this backend is a server reached with a host, user and password (an embedded engine is not).</summary>
    public virtual bool NeedsServer => true;

    /// <summary>Where the database is, for messages (never includes credentials).</summary>
    public virtual string DescribeLocation(DatabaseSettings settings) => $"{settings.Backend} server at {settings.Host}:{settings.EffectivePort}";

    public abstract string Placeholder(int index);

    /// <summary>
    /// The SQL standing for the value bound at <paramref name="index"/> and what to bind: the placeholder and the value itself,
    /// unless the driver would lose part of the value as given (SQLite: strings holding NUL).
    /// </summary>
    public virtual (string Sql, object? Value) BindValue(int index, object? value) => (Placeholder(index), value);

    /// <summary>A parameter for the placeholder at <paramref name="index"/>.</summary>
    public abstract DbParameter CreateParameter(int index, object? value);

    /// <summary>Converts a CLR value to what the driver should bind for a column of the given type.</summary>
    public abstract object? ToDbValue(TypeSpec spec, object? value);

    /// <summary>Converts a loosely typed value (from a dictionary or anonymous object) for comparison or insert.</summary>
    public virtual object? ToDbValue(object? value) => value switch
    {
        System.Text.Json.Nodes.JsonNode json => json.ToJsonString(),
        Enum e => e.ToString(),
        _ => value,
    };

    /// <summary>SQL reading a JSON path inside a json column (as text, or cast to the key's <c>:type</c>).</summary>
    public abstract string JsonPathExpression(string quotedColumn, JsonPathKey key);

    /// <summary>One item of an index: an attribute, a parenthesised expression as written, or a JSON path as an expression.</summary>
    protected string IndexItem(string item) =>
        item.StartsWith('(') ? item
        : JsonPathKey.TryParse(item) is { } path ? "(" + JsonPathExpression(Quote(path.Attribute), path) + ")"
        : Quote(item);

    /// <summary>The SELECT expression for a stored column; null when the quoted name itself is read.</summary>
    public virtual string? ReadExpression(string quotedName, TypeSpec spec) => null;

    /// <summary>SQL column type for a DataJoint type.</summary>
    public abstract string ColumnType(TypeSpec spec, string schema);

    /// <summary>
    /// The column type of a codec: that of the core type its dtype chain ends in (<c>bytes</c> or <c>json</c>), as
    /// DataJoint declares it.
    /// </summary>
    /// <exception cref="DefinitionException">The codec is unknown, or needs a store it was not given.</exception>
    protected string CodecColumnType(TypeSpec spec, string schema) => spec.StoredCategory switch
    {
        _ when spec.ColumnSpec is { } column => ColumnType(column, schema),
        TypeCategory.Bytes => ColumnType(new TypeSpec(TypeCategory.Bytes, "bytes"), schema),
        TypeCategory.Json => ColumnType(new TypeSpec(TypeCategory.Json, "json"), schema),
        _ when spec.CodecName is { } name && BuiltinCodecs.StoreRequired(name) => throw new DefinitionException(
            $"<{name}> requires @ (in-store storage only): write <{name}@> for the default store or <{name}@store> to name one."),
        _ => throw new DefinitionException($"Unknown codec: <{spec.CodecName}>. Register a codec named \"{spec.CodecName}\" "
            + "(instance.Codecs.Register) before declaring the table."),
    };

    /// <summary>The statements that declare the table (CREATE TABLE and what the backend needs around it).</summary>
    public abstract IReadOnlyList<string> DeclareTable(string schema, TableDefinition definition,
        Func<ForeignKeyDefinition, string> parentFullName);

    public abstract string CreateSchema(string schema);

    public abstract string DropSchema(string schema);

    /// <summary>
    /// Query (parameters: schema, table) for the named types a table's columns use that must be dropped with it when
    /// nothing else uses them (PostgreSQL enum types; columns: type schema, type name), or null when the backend has none.
    /// </summary>
    public virtual string? DroppableTypesOfTable => null;

    /// <summary>Statement dropping a type found by <see cref="DroppableTypesOfTable"/> unless another column still uses it.</summary>
    public virtual string DropTypeIfUnused(string schema, string type) =>
        throw new NotSupportedException($"{GetType().Name} declares no named column types.");

    /// <summary>SELECT returning 1 row when the schema exists; parameter 0 is the schema name.</summary>
    public abstract string SchemaExists { get; }

    /// <summary>SELECT of table names in a schema; parameter 0 is the schema name.</summary>
    public abstract string ListTables { get; }

    /// <summary>SELECT of every primary-key column of a schema's tables: table name, column name, in key order; parameter 0 is the schema name.</summary>
    public abstract string PrimaryKeyColumns { get; }

    /// <summary>
    /// SELECT of every column of a schema's tables that admits NULL: table name, column name; parameter 0 is the schema name.
    /// A cascading delete reads it to know which foreign keys reach every row of a child (docs/semantics.md#cascade).
    /// </summary>
    public abstract string NullableColumns { get; }

    /// <summary>SELECT returning 1 row when the table exists; parameters: schema, table.</summary>
    public abstract string TableExists { get; }

    /// <summary>
    /// SELECT describing a table's columns in order; parameters: schema, table. Columns returned: name, SQL
    /// column type, nullable (YES/NO), default, comment, in primary key (0/1).
    /// </summary>
    public abstract string ColumnsQuery { get; }

    // ---- Existing tables: what describe, scaffolding and alter read back ----

    /// <summary>SELECT of the names of the schemas on the server that hold user tables (system schemas excluded), ordered by name.</summary>
    public abstract string ListSchemas { get; }

    /// <summary>SELECT of a table's comment (one row, one column, possibly NULL); parameters: schema, table.</summary>
    public abstract string TableCommentQuery { get; }

    /// <summary>
    /// SELECT of a table's secondary indexes, primary key excluded; parameters: schema, table. Columns: index name, indexed
    /// column (or an expression in parentheses), non-unique (boolean or 0/1), position in the index — ordered by index name
    /// and position (DataJoint's order).
    /// </summary>
    public abstract string IndexesQuery { get; }

    /// <summary>
    /// What a column's default is, read from the default <see cref="ColumnsQuery"/> reported (the server's own spelling of
    /// it); null when the column has no default or a NULL one.
    /// </summary>
    public abstract ServerDefault? ReadServerDefault(string reported);

    /// <summary>Translates a driver error into the DataJoint exception for it; <paramref name="context"/> names what was being done.</summary>
    public abstract DataJointException Translate(DbException exception, string context);

    /// <summary>
    /// Whether an error means the server session is gone (killed, server shut down or restarted, socket closed), so
    /// nothing more can run on that connection. Wrapped errors are looked through.
    /// </summary>
    public abstract bool MeansConnectionLost(Exception exception);

    /// <summary>Closes the data source's idle pooled connections: once one is found dead, the others probably are too.</summary>
    public abstract ValueTask ClearPool(DbDataSource dataSource, DbConnection connection, bool sync);

    /// <summary>
    /// Whether the driver defers BEGIN to the transaction's first command, so a dead pooled connection is found only then
    /// (with <c>database.reconnect</c> a new transaction is then probed with one round trip).
    /// </summary>
    public abstract bool DefersBegin { get; }

    /// <summary>Begins a REPEATABLE READ transaction on <paramref name="connection"/> in as few round trips as the driver allows.</summary>
    public virtual async ValueTask<DbTransaction> BeginTransaction(DbConnection connection, bool sync, CancellationToken cancellationToken) =>
        sync
            ? connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The transaction object the commands of <paramref name="transaction"/> carry: the driver's own, or null for a
    /// transaction begun by a statement the driver does not track.
    /// </summary>
    public virtual DbTransaction? CommandTransaction(DbTransaction transaction) => transaction;

    /// <summary>SELECT of the ids (as <see cref="SessionId"/> gives them) of the server sessions alive now that this user can see.</summary>
    public abstract string LiveSessionIds { get; }

    /// <summary>
    /// SQL condition, over a job table's columns, true for a reservation whose server session no longer exists: the server
    /// started after the reservation was made, or no live session has its id (among the sessions this user can see).
    /// </summary>
    public abstract string ReservationSessionGone(string connectionIdColumn, string userColumn, string reservedTimeColumn);

    /// <summary>
    /// Rewrites a row number the server put into an insert error's <paramref name="message"/> (counted within one statement
    /// or one load) as the row of the caller's input: <paramref name="rowOfInput"/> maps the server's 1-based row to it.
    /// </summary>
    public virtual string WithRowOfInput(string message, Func<int, long> rowOfInput) => message;

    /// <summary>
    /// For a duplicate-key error on the primary key, the primary-key values as the server printed them in
    /// <paramref name="message"/>, joined as <see cref="KeyText"/> joins them; null when the message names no primary key.
    /// </summary>
    public virtual string? DuplicatedPrimaryKey(string message, IReadOnlyList<string> primaryKey) => null;

    /// <summary>
    /// For a duplicate-key error whose <paramref name="message"/> names the key's columns but not its values (SQLite's
    /// "UNIQUE constraint failed: t.a, t.b"), those columns; null when the message gives the values or names no columns.
    /// The insert then finds the values among its rows and adds them with <see cref="DuplicateKeyDetail"/>.
    /// </summary>
    public virtual IReadOnlyList<string>? DuplicateKeyColumnsWithoutValues(string message) => null;

    /// <summary>The text naming a duplicated key's values, in the form PostgreSQL's detail has (read back by <see cref="DuplicatedPrimaryKey"/>).</summary>
    public static string DuplicateKeyDetail(IEnumerable<string> columns, IEnumerable<string> values) =>
        $" (Key ({string.Join(", ", columns)})=({string.Join(", ", values)}) already exists.)";

    /// <summary>The primary-key values in a <see cref="DuplicateKeyDetail"/> of <paramref name="message"/> naming exactly <paramref name="primaryKey"/>, or null.</summary>
    protected static string? DuplicatedKeyInDetail(string message, IReadOnlyList<string> primaryKey) =>
        DuplicateKeyDetailText().Match(message) is { Success: true } m && m.Groups["columns"].Value == string.Join(", ", primaryKey)
            ? m.Groups["values"].Value
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"Key \((?<columns>[^)]*)\)=\((?<values>.*)\) already exists", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex DuplicateKeyDetailText();

    /// <summary>Primary-key values as text, joined the way the server prints a duplicated key.</summary>
    public virtual string KeyText(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>
    /// Appends the clause that makes an INSERT into <paramref name="table"/> (quoted full name) ignore rows whose primary key
    /// already exists; it must hold also after an <c>INSERT … SELECT</c>, where the selected tables' columns are in scope.
    /// </summary>
    public abstract void AppendSkipDuplicates(SqlBuilder sql, string table, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns);

    /// <summary>Starts an INSERT that replaces rows with the same primary key.</summary>
    public abstract string InsertVerb(bool replace);

    /// <summary>Appends the clause that turns an INSERT into an upsert (used with <see cref="InsertVerb"/>).</summary>
    public abstract void AppendReplace(SqlBuilder sql, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns);

    /// <summary>The backend's bulk-load protocol, used by large plain inserts (<see cref="InsertSettings"/>).</summary>
    public abstract BulkLoader BulkLoader { get; }

    /// <summary>Describes where the server is, for error messages (never includes credentials).</summary>
    public static string Describe(DatabaseSettings s) => For(s.Backend).DescribeLocation(s);

    /// <summary>The adapter whose driver produced <paramref name="reader"/>, or null for a reader of no known driver.</summary>
    public static BackendAdapter? ForReader(DbDataReader reader) =>
        MySqlAdapter.Instance.Produced(reader) ? MySqlAdapter.Instance
        : PostgreSqlAdapter.Instance.Produced(reader) ? PostgreSqlAdapter.Instance
        : SqliteAdapter.Instance.Produced(reader) ? SqliteAdapter.Instance
        : null;

    /// <summary>Whether this backend's driver produced <paramref name="reader"/>.</summary>
    protected abstract bool Produced(DbDataReader reader);

    // ---- Reading columns: what each driver returns for DataJoint's core types (ColumnReader dispatches here) ----

    /// <summary>
    /// Whether the driver's <c>GetString</c>, <c>GetDouble</c> and <c>GetFloat</c> convert whatever a column holds (SQLite's
    /// <c>sqlite3_column_text</c> and <c>_double</c> do), so a reader calls them without first asking the field's type; a
    /// server driver's getters throw on another type, so the reader asks and converts.
    /// </summary>
    public virtual bool ConvertsOnRead => false;

    /// <summary>Reads an <c>int8</c> column.</summary>
    public virtual sbyte ReadInt8(DbDataReader reader, int ordinal) => reader.GetFieldValue<sbyte>(ordinal);

    /// <summary>Reads a <c>bool</c> column.</summary>
    public virtual bool ReadBool(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);

    /// <summary>Reads a <c>decimal(p,s)</c> column; a server's driver returns it at the column's scale already.</summary>
    public virtual decimal ReadDecimal(DbDataReader reader, int ordinal, int scale) => reader.GetDecimal(ordinal);

    /// <summary>Reads a <c>uuid</c> column.</summary>
    public virtual Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    /// <summary>Every backend this library speaks: adding one is adding its folder and its adapter here.</summary>
    public static IReadOnlyList<BackendAdapter> All => Registry.Adapters;

    public static BackendAdapter For(Backend backend) =>
        All.FirstOrDefault(a => a.Backend == backend)
        ?? throw new ArgumentOutOfRangeException(nameof(backend), backend, $"Unknown backend; use {string.Join(" or ", All.Select(a => $"Backend.{a.Backend}"))}.");

    /// <summary>The backend a <c>database.backend</c> setting names (any case), or null.</summary>
    public static Backend? Parse(string name)
    {
        var trimmed = name.Trim();
        return All.FirstOrDefault(a => a.ConfigNames.Contains(trimmed, StringComparer.OrdinalIgnoreCase))?.Backend;
    }

    /// <summary>The canonical setting names of every backend, for messages (<c>mysql or postgresql</c>).</summary>
    public static string DescribeNames() => string.Join(" or ", All.Select(a => a.ConfigNames[0]));

    // A class of its own so the list is built on first use, after the adapters' own static instances exist.
    private static class Registry
    {
        public static readonly BackendAdapter[] Adapters = [MySqlAdapter.Instance, PostgreSqlAdapter.Instance, SqliteAdapter.Instance];
    }

    /// <summary>
    /// SQL text of a DataJoint default as the DDL writes it (docs/semantics.md#defaults), read by the same
    /// <see cref="AttributeDefault"/> as the generator's check and Row initializer; the literal is quoted for this backend.
    /// </summary>
    protected string DefaultClause(AttributeDefinition a) => DefaultExpression(a) switch
    {
        null => "NOT NULL",
        "NULL" => "DEFAULT NULL",
        var value => "NOT NULL DEFAULT " + value,
    };

    /// <summary>The SQL of an attribute's default: <c>NULL</c>, the clock, a quoted literal; null for a required attribute.</summary>
    protected string? DefaultExpression(AttributeDefinition a)
    {
        if (a.Nullable) return "NULL";
        if (a.DefaultValue is null) return null;
        var written = AttributeDefault.TryParse(a.DefaultValue, out var problem)
            ?? throw new ArgumentException($"Default {a.DefaultValue.Trim()} of attribute '{a.Name}' {problem}.", nameof(a));
        return written.Kind switch
        {
            DefaultKind.Null => "NULL",
            DefaultKind.CurrentTimestamp => ClockDefault(written.Value),
            _ => QuoteLiteral(written.LiteralFor(a.Spec.Category)!),
        };
    }

    /// <summary>The SQL of a clock default written <paramref name="written"/> (<c>CURRENT_TIMESTAMP</c>, <c>CURRENT_TIMESTAMP(3)</c>).</summary>
    protected virtual string ClockDefault(string written) => written;

    /// <summary>Whether a multi-row INSERT may write <c>DEFAULT</c> for a value (SQLite may not: those columns are left out instead).</summary>
    public virtual bool DefaultKeywordInValues => true;

    /// <summary>What an UPDATE sets a column to when it is set to its default.</summary>
    public virtual string DefaultInUpdate => "DEFAULT";

    /// <summary>
    /// Text after the derived table of an <c>INSERT … SELECT</c>, before its conflict clause (SQLite reads <c>ON CONFLICT</c>
    /// after a FROM as a join constraint unless a WHERE comes between).
    /// </summary>
    public virtual string InsertSelectSourceSuffix => "";

    /// <summary>Whether <see cref="DropSchema"/> drops the schema's tables with it; when false, they are dropped first, one by one.</summary>
    public virtual bool DropSchemaDropsTables => true;

    /// <summary>
    /// The statements that bring an existing table in line with <paramref name="changes"/> (secondary attributes and the table
    /// comment only; docs/existing-schemas.md#alter), run as one unit.
    /// </summary>
    public abstract IReadOnlyList<string> AlterTable(string schema, string table, IReadOnlyList<TableChange> changes);

    /// <summary>
    /// Adds DataJoint's hidden job-metadata columns (<c>_job_start_time</c>, <c>_job_duration</c>, <c>_job_version</c>,
    /// docs/semantics.md#job-metadata) to a newly declared auto-populated table.
    /// </summary>
    public abstract string AddJobMetadataColumns(string qualifiedTable);

    /// <summary>
    /// SELECT of the foreign-key columns whose parent lives in a schema; parameter 0 is that schema. Columns:
    /// child schema, child table, constraint name, child column, parent schema, parent table, parent column — in
    /// constraint column order.
    /// </summary>
    public abstract string ForeignKeysReferencing { get; }

    /// <summary>
    /// Query (one parameter: schema) for the foreign keys declared by that schema's tables, whatever schema their
    /// parents are in; same columns and order as <see cref="ForeignKeysReferencing"/>.
    /// </summary>
    public abstract string ForeignKeysDeclaredIn { get; }

    /// <summary>
    /// Query (parameters: schema, table) for the foreign keys of one table; same columns and order as
    /// <see cref="ForeignKeysReferencing"/>.
    /// </summary>
    public abstract string ForeignKeysOfTable { get; }

    /// <summary>
    /// A column type as the server reports it, in DataJoint's spelling of native types (as DataJoint-Python's heading
    /// reports them): <c>int(11)</c> → <c>int</c> on MySQL, <c>character varying(16)</c> → <c>varchar(16)</c> on PostgreSQL.
    /// Applied to a declared native type's SQL as well, so the two compare equal when the server stores what was declared.
    /// </summary>
    public abstract string NativeTypeName(string sqlType);

    /// <summary>The <c>PRIMARY KEY (...)</c> clause, or null for a table without a primary key.</summary>
    protected string? PrimaryKeyClause(TableDefinition definition) => definition.PrimaryKey.Count == 0
        ? null
        : "  PRIMARY KEY (" + string.Join(",", definition.PrimaryKey.Select(Quote)) + ")";

    /// <summary>DataJoint's fixed referential actions: updates cascade, deletes are restricted (cascading is done by Delete).</summary>
    protected string ForeignKeyClause(ForeignKeyDefinition fk, string parentFullName) =>
        "  FOREIGN KEY (" + string.Join(",", fk.Attributes.Select(Quote)) + ") REFERENCES " + parentFullName
        + " (" + string.Join(",", fk.ParentAttributes.Select(Quote)) + ") ON UPDATE CASCADE ON DELETE RESTRICT";

    /// <summary>A string literal for DDL text (comments, defaults, enum values), where no parameter can go.</summary>
    protected virtual string QuoteLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The column comment DataJoint writes for an attribute declared in the table: <c>:type:</c> marker for core and codec
    /// types, then the user comment. Foreign-key columns are written as their parent's column (<see cref="ForeignKeyColumns"/>).
    /// </summary>
    protected static string ColumnComment(AttributeDefinition a) =>
        a.Spec.Category == TypeCategory.Native ? a.Comment : $":{a.Type}:{a.Comment}";

    /// <summary>
    /// The attributes a table inherits through its foreign keys. DataJoint declares them with the parent's SQL type and no
    /// <c>:type:</c> marker (MySQL keeps the parent's comment text, PostgreSQL no comment); readers restore their type from
    /// the parent, as <see cref="DatabaseHeading"/> does.
    /// </summary>
    protected static HashSet<string> ForeignKeyColumns(TableDefinition definition) =>
        definition.ForeignKeys.SelectMany(fk => fk.Attributes).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The type a job table gives a key attribute of its target. DataJoint-Python writes the job table's definition from the
    /// target's heading, where a foreign-key column has its native type, so the job table carries a marker only where that
    /// native type is itself a core type (varchar, enum, decimal, date, json, uuid on PostgreSQL). Kept when it has no
    /// native spelling DataJoint can declare.
    /// </summary>
    public string JobKeyType(AttributeDefinition targetKey, string schema)
    {
        var native = NativeTypeName(ColumnType(targetKey.Spec, schema));
        return TypeClassifier.Classify(native) is null ? targetKey.Type : native;
    }

    /// <summary>
    /// The statement creating a schema's <c>~lineage</c> table as DataJoint-Python declares it (columns table_name,
    /// attribute_name, lineage; its column comments where the backend writes inline comments).
    /// </summary>
    public abstract string CreateLineageTable(string qualifiedTable);

    // ---- Query SQL (query algebra; owned by the query engineer) ----

    /// <summary>
    /// Whether HAVING may reference SELECT aliases (MySQL/MariaDB). When false (PostgreSQL), a restricted
    /// aggregation is wrapped as a subquery and restricted with WHERE.
    /// </summary>
    public virtual bool HavingSeesSelectAliases => false;

    /// <summary>Translates common functions in a computed projection/aggregation expression to this backend (docs/semantics.md#projection).</summary>
    public virtual string TranslateExpression(string expression) => expression;

    /// <summary>The keyword joining a FROM source to the ones before it (a join on nothing shared is a cross join).</summary>
    public virtual string JoinKeyword(JoinKind kind, bool sharesAttributes) => kind switch
    {
        JoinKind.Left => " LEFT JOIN ",
        _ => sharesAttributes ? " JOIN " : " CROSS JOIN ",
    };

    /// <summary>
    /// Appends how a joined source matches the sources before it on their shared attributes (a natural join on exactly
    /// those); a left join on nothing shared matches every row.
    /// </summary>
    public virtual void AppendJoinCondition(SqlBuilder sql, JoinKind kind, IReadOnlyList<string> shared)
    {
        if (shared.Count > 0)
        {
            sql.Append(" USING (");
            for (var i = 0; i < shared.Count; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Identifier(shared[i]);
            }

            sql.Append(')');
        }
        else if (kind == JoinKind.Left)
        {
            sql.Append(" ON TRUE");
        }
    }

    /// <summary>Appends the predicate that is true when the subquery <paramref name="appendSubquery"/> writes has a row.</summary>
    public virtual void AppendExists(SqlBuilder sql, Action appendSubquery)
    {
        sql.Append("EXISTS (");
        appendSubquery();
        sql.Append(')');
    }

    /// <summary>Appends paging: at most <paramref name="limit"/> rows (null: all) after skipping <paramref name="offset"/>.</summary>
    public virtual void AppendLimit(SqlBuilder sql, long? limit, long offset)
    {
        if (limit is { } n) sql.Append(" LIMIT ").Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (offset > 0) sql.Append(" OFFSET ").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
