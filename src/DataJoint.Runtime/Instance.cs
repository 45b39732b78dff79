namespace DataJoint;

/// <summary>
/// An isolated DataJoint instance: its own <see cref="Config"/> and its own pooled <see cref="Connection"/>.
/// Use one per database, per tenant or per test; instances share nothing.
/// </summary>
public sealed partial class Instance : IDisposable, IAsyncDisposable
{
    /// <summary>
    /// An instance for a database server. The configuration is loaded as DataJoint does (defaults, config file,
    /// environment), then the arguments, <paramref name="overrides"/> and <paramref name="configure"/> are applied in that order.
    /// Nothing is sent to the server here: the first operation connects (and reports an unreachable server or refused
    /// credentials). <see cref="Open(string, string, string, int?, bool?, Backend?, IReadOnlyDictionary{string, object?}?, Action{Config}?)"/> and
    /// <see cref="OpenAsync(string, string, string, int?, bool?, Backend?, IReadOnlyDictionary{string, object?}?, Action{Config}?, CancellationToken)"/> create the instance and check the connection at once.
    /// </summary>
    /// <param name="host">Server host name or address (a <c>host:port</c> form is accepted).</param>
    /// <param name="user">Database user.</param>
    /// <param name="password">Password; never shown in messages.</param>
    /// <param name="port">Port; defaults to 3306 for MySQL and 5432 for PostgreSQL.</param>
    /// <param name="useTls">Require (true), disable (false) or prefer (null) TLS.</param>
    /// <param name="backend">The server kind; defaults to the configured backend (MySQL unless configured otherwise).</param>
    /// <param name="overrides">Settings by DataJoint key (<c>"safemode"</c>, <c>"database.reconnect"</c> or <c>"database__reconnect"</c>).</param>
    /// <param name="configure">Typed configuration applied last.</param>
    /// <exception cref="ArgumentException">An override key is unknown or its value has the wrong type.</exception>
    public Instance(string host, string user, string password, int? port = null, bool? useTls = null,
        Backend? backend = null, IReadOnlyDictionary<string, object?>? overrides = null, Action<Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        if (port is <= 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The port must be between 1 and 65535.");
        }

        Config = Config.Load();
        var database = Config.Database;
        if (backend is { } b)
        {
            _ = BackendAdapter.For(b); // refuses an undefined value, naming the backends there are
            database.Backend = b;
            database.Port = null;
        }

        var (hostName, hostPort) = SplitHostPort(host);
        database.Host = hostName;
        if (hostPort is not null) database.Port = hostPort;
        if (port is not null) database.Port = port;
        database.User = user;
        database.Password = password;
        if (useTls is not null) database.UseTls = useTls;
        if (overrides is not null)
        {
            foreach (var (key, value) in overrides) Config.Set(key, value);
        }

        configure?.Invoke(Config);
        Connection = new Connection(Config, loggerFactory: null);
    }

    /// <summary>
    /// An instance on an embedded database (<see cref="Backend.Sqlite"/>): a file, created when missing, or <c>":memory:"</c>
    /// for a database that lives as long as this instance. The configuration is loaded as DataJoint does, then
    /// <paramref name="database"/> (as <c>database.name</c>), <paramref name="overrides"/> and <paramref name="configure"/>
    /// are applied. Nothing is opened here.
    /// </summary>
    /// <param name="backend">An embedded backend (<see cref="Backend.Sqlite"/>).</param>
    /// <param name="database">The database file's path, or <c>":memory:"</c>.</param>
    /// <param name="overrides">Settings by DataJoint key, as for a server instance.</param>
    /// <param name="configure">Typed configuration applied last.</param>
    /// <exception cref="ArgumentException"><paramref name="backend"/> is a server (it needs a host, user and password).</exception>
    public Instance(Backend backend, string database, IReadOnlyDictionary<string, object?>? overrides = null, Action<Config>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (BackendAdapter.For(backend).NeedsServer)
        {
            throw new ArgumentException($"Backend.{backend} is a server: connect with new Instance(host, user, password, backend: Backend.{backend}); "
                + "a database path is for Backend.Sqlite.", nameof(backend));
        }

        Config = Config.Load();
        Config.Database.Backend = backend;
        Config.Database.Name = database;
        if (overrides is not null)
        {
            foreach (var (key, value) in overrides) Config.Set(key, value);
        }

        configure?.Invoke(Config);
        Connection = new Connection(Config, loggerFactory: null);
    }

    /// <summary>Creates an instance on an embedded database (as the constructor) and opens it.</summary>
    /// <exception cref="LostConnectionException">The file cannot be opened or is not a database.</exception>
    public static Instance Open(Backend backend, string database, IReadOnlyDictionary<string, object?>? overrides = null,
        Action<Config>? configure = null)
    {
        var instance = new Instance(backend, database, overrides, configure);
        try
        {
            instance.Connection.Ping();
            return instance;
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    /// <summary>Creates an instance on an embedded database (as the constructor) and opens it.</summary>
    /// <exception cref="LostConnectionException">The file cannot be opened or is not a database.</exception>
    public static async Task<Instance> OpenAsync(Backend backend, string database, IReadOnlyDictionary<string, object?>? overrides = null,
        Action<Config>? configure = null, CancellationToken ct = default)
    {
        var instance = new Instance(backend, database, overrides, configure);
        try
        {
            await instance.Connection.PingAsync(ct).ConfigureAwait(false);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// An instance with a configuration the caller has built (<see cref="Config.Load"/> or <c>new Config()</c>, then set);
    /// no source is read here, and, as with every constructor, nothing is sent to the server. DataJoint.Hosting creates its
    /// instances this way.
    /// </summary>
    /// <param name="config">The settings; this instance owns them from now on.</param>
    /// <param name="loggerFactory">Where DataJoint and the database driver (MySqlConnector, Npgsql) log; null: silent.</param>
    public Instance(Config config, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Connection = new Connection(config, loggerFactory);
    }

    /// <summary>Creates an instance (as the constructor) and checks that the server accepts the connection.</summary>
    /// <exception cref="LostConnectionException">The server cannot be reached.</exception>
    /// <exception cref="AccessException">The server refused the credentials.</exception>
    public static Instance Open(string host, string user, string password, int? port = null, bool? useTls = null,
        Backend? backend = null, IReadOnlyDictionary<string, object?>? overrides = null, Action<Config>? configure = null)
    {
        var instance = new Instance(host, user, password, port, useTls, backend, overrides, configure);
        try
        {
            instance.Connection.Ping();
            return instance;
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    /// <summary>Creates an instance (as the constructor) and checks that the server accepts the connection.</summary>
    /// <exception cref="LostConnectionException">The server cannot be reached.</exception>
    /// <exception cref="AccessException">The server refused the credentials.</exception>
    public static async Task<Instance> OpenAsync(string host, string user, string password, int? port = null, bool? useTls = null,
        Backend? backend = null, IReadOnlyDictionary<string, object?>? overrides = null, Action<Config>? configure = null,
        CancellationToken ct = default)
    {
        var instance = new Instance(host, user, password, port, useTls, backend, overrides, configure);
        try
        {
            await instance.Connection.PingAsync(ct).ConfigureAwait(false);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>This instance's settings; changing them affects only this instance.</summary>
    public Config Config { get; }

    /// <summary>This instance's connection.</summary>
    public Connection Connection { get; }

    /// <summary>This instance's object stores (<c>Stores["raw"]</c>), as <see cref="Config.Stores"/> configures them; see docs/storage.md.</summary>
    public Stores Stores => Config.ObjectStores;

    /// <summary>This instance's custom codecs (<c>Codecs.Register(new GraphCodec())</c>), which <c>&lt;name&gt;</c> attributes resolve to; see docs/storage.md.</summary>
    public CodecRegistry Codecs => Config.Codecs;

    /// <summary>Opens (and by default creates) a schema on this instance's connection.</summary>
    /// <param name="name">The schema (database) name.</param>
    /// <param name="createSchema">Create the schema when it does not exist; otherwise a missing schema is an error.</param>
    /// <param name="createTables">Declare missing tables when they are bound; null uses <c>database.create_tables</c>.</param>
    /// <param name="upstream">Schemas whose bound tables this schema's tables may reference (cross-schema foreign keys).</param>
    /// <exception cref="DataJointException">The schema does not exist and <paramref name="createSchema"/> is false.</exception>
    public Schema Schema(string name, bool createSchema = true, bool? createTables = null, IReadOnlyList<Schema>? upstream = null) =>
        SyncOrAsync.Wait(new DataJoint.Schema(Connection, name, createTables, upstream).Open(createSchema, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Schema(string, bool, bool?, IReadOnlyList{DataJoint.Schema}?)"/>.</summary>
    public Task<Schema> SchemaAsync(string name, CancellationToken ct) => SchemaAsync(name, createSchema: true, ct: ct);

    /// <summary>Asynchronous <see cref="Schema(string, bool, bool?, IReadOnlyList{DataJoint.Schema}?)"/>.</summary>
    public async Task<Schema> SchemaAsync(string name, bool createSchema = true, bool? createTables = null, IReadOnlyList<Schema>? upstream = null,
        CancellationToken ct = default) =>
        await new DataJoint.Schema(Connection, name, createTables, upstream).Open(createSchema, sync: false, ct).ConfigureAwait(false);

    /// <summary>A table by its full name (<c>`schema`.`table`</c>, <c>"schema"."table"</c> or <c>schema.table</c>), heading read from the database.</summary>
    /// <exception cref="MissingTableException">The table does not exist.</exception>
    public FreeTable FreeTable(string fullTableName) => DataJoint.FreeTable.Open(Connection, fullTableName);

    /// <summary>Asynchronous <see cref="FreeTable(string)"/>.</summary>
    public Task<FreeTable> FreeTableAsync(string fullTableName, CancellationToken ct = default) =>
        DataJoint.FreeTable.OpenAsync(Connection, fullTableName, ct);

    /// <summary>The names of the schemas on the server that can hold DataJoint tables (system schemas left out), ordered by name.</summary>
    public IReadOnlyList<string> ListSchemas() => SyncOrAsync.Wait(ListSchemasCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ListSchemas"/>.</summary>
    public async Task<IReadOnlyList<string>> ListSchemasAsync(CancellationToken ct = default) =>
        await ListSchemasCore(sync: false, ct).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<string>> ListSchemasCore(bool sync, CancellationToken cancellationToken) =>
        await SyncOrAsync.ReadAll(Connection, new SqlStatement(Connection.Adapter.ListSchemas, []), "Listing schemas", r => r.GetString(0), sync,
            cancellationToken).ConfigureAwait(false);

    private static (string Host, int? Port) SplitHostPort(string host)
    {
        var colon = host.LastIndexOf(':');
        if (colon <= 0 || host.Count(c => c == ':') > 1) return (host, null);
        var portText = host[(colon + 1)..];
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) || p is <= 0 or > 65535)
        {
            throw new ArgumentException($"The host '{host}' has an invalid port '{portText}'.", nameof(host));
        }

        return (host[..colon], p);
    }

    /// <summary>Closes the connection pool and releases the stores' clients.</summary>
    public void Dispose()
    {
        Config.ReleaseObjectStores();
        Connection.Dispose();
    }

    /// <summary>Closes the connection pool and releases the stores' clients.</summary>
    public ValueTask DisposeAsync()
    {
        Config.ReleaseObjectStores();
        return Connection.DisposeAsync();
    }
}
