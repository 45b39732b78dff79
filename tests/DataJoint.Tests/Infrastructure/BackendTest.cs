namespace DataJoint.Tests.Infrastructure;

/// <summary>
/// Base of every integration test: the fixture runs once per backend (the backend shows in the test name),
/// and each test gets a fresh Instance and a fresh schema, dropped afterwards — the per-test pattern from
/// the isolated-instances guide.
/// </summary>
[TestFixture(Backend.MySql)]
[TestFixture(Backend.PostgreSql)]
[TestFixture(Backend.Sqlite)]
[Category("Integration")]
[Parallelizable(ParallelScope.Fixtures)]
public abstract class BackendTest(Backend backend)
{
    private readonly List<Schema> _schemas = [];
    private readonly List<Instance> _instances = [];

    protected Backend Backend { get; } = backend;

    protected TestServer Server { get; private set; } = null!;

    /// <summary>The test's own instance (safe mode off so drops do not ask).</summary>
    protected Instance Instance { get; private set; } = null!;

    /// <summary>The test's own schema, dropped after the test.</summary>
    protected Schema Schema { get; private set; } = null!;

    [SetUp]
    public async Task ConnectAsync()
    {
        if (Backend == Backend.Sqlite && SqliteExclusions.For(TestContext.CurrentContext.Test) is { } why) Assert.Ignore("Not on SQLite: " + why);
        Server = await TestServer.RequireAsync(Backend);

        Instance = NewInstance();
        Schema = NewSchema();
    }

    [TearDown]
    public void DropSchemas()
    {
        foreach (var schema in _schemas)
        {
            try
            {
                schema.Drop(prompt: false);
            }
            catch (DataJointException ex)
            {
                TestContext.Out.WriteLine($"Could not drop {schema.Name}: {ex.Message}");
            }
        }

        _schemas.Clear();
        foreach (var instance in _instances) instance.Dispose();
        _instances.Clear();
    }

    /// <summary>Quotes an identifier for hand-written SQL on this backend.</summary>
    protected string Q(string name) => Backend == Backend.MySql ? $"`{name}`" : $"\"{name}\"";

    /// <summary>A table's full name for hand-written SQL on this backend (SQLite keeps every schema in one database: <c>"schema.table"</c>).</summary>
    protected string FullName(string schema, string table) => Backend == Backend.Sqlite ? Q($"{schema}.{table}") : $"{Q(schema)}.{Q(table)}";

    /// <summary>
    /// Sets a column comment of a hand-declared table after its CREATE TABLE: PostgreSQL's COMMENT ON COLUMN, SQLite's
    /// comments catalog table (where DataJoint keeps column comments there). MySQL takes the comment inline in CREATE TABLE.
    /// </summary>
    protected void CommentColumn(string table, string column, string comment)
    {
        if (Backend == Backend.MySql) throw new InvalidOperationException("On MySQL write COMMENT '...' in the CREATE TABLE.");
        Instance.Connection.Execute(Backend == Backend.PostgreSql
            ? $"COMMENT ON COLUMN {FullName(Schema.Name, table)}.{Q(column)} IS '{comment.Replace("'", "''", StringComparison.Ordinal)}'"
            : $"INSERT INTO \"~dj_comments\" (schema_name, table_name, column_name, comment) VALUES ('{Schema.Name}', '{table}', '{column}', "
                + $"'{comment.Replace("'", "''", StringComparison.Ordinal)}')");
    }

    /// <summary>SELECT with a row when the table exists (parameters: schema, table), for hand-written checks.</summary>
    protected string TableExistsSql => Backend == Backend.Sqlite
        ? $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {P(0)} || '.' || {P(1)}"
        : $"SELECT 1 FROM information_schema.tables WHERE table_schema = {P(0)} AND table_name = {P(1)}";

    /// <summary>SELECT of a schema's table names as column <c>name</c>, ordered (parameter: schema).</summary>
    protected string TableNamesSql => Backend == Backend.Sqlite
        ? $"SELECT substr(name, length({P(0)}) + 2) AS name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, length({P(0)}) + 1) = {P(0)} || '.' ORDER BY name"
        : $"SELECT table_name AS name FROM information_schema.tables WHERE table_schema = {P(0)} ORDER BY table_name";

    /// <summary>The backend's placeholder for the statement parameter at <paramref name="index"/> (<c>@p0</c> / <c>$1</c>).</summary>
    protected string P(int index) => Backend == Backend.PostgreSql ? $"${index + 1}" : $"@p{index}";

    protected Instance NewInstance(IReadOnlyDictionary<string, object?>? overrides = null, Action<Config>? configure = null)
    {
        var instance = Server.NewInstance(overrides, c =>
        {
            c.SafeMode = false;
            configure?.Invoke(c);
        });
        _instances.Add(instance);
        return instance;
    }

    /// <summary>A fresh schema with a unique name on <paramref name="instance"/> (default: the test's instance).</summary>
    protected Schema NewSchema(Instance? instance = null, string prefix = "djtest")
    {
        var schema = (instance ?? Instance).Schema($"{prefix}_{Guid.NewGuid():N}"[..24]);
        _schemas.Add(schema);
        return schema;
    }
}
