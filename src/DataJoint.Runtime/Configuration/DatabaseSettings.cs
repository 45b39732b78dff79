using System.Text.Json.Serialization;

namespace DataJoint;

/// <summary>
/// The <c>database.*</c> settings: where and how to connect. The settings that shape the connection (host, port, user,
/// password, backend, name, TLS, timeout, local infile) are read once, when the <see cref="Connection"/> is created; from
/// then on changing them throws instead of silently doing nothing: create a new <see cref="Instance"/> to connect elsewhere.
/// </summary>
public sealed class DatabaseSettings
{
    private Backend _backend = Backend.MySql;
    private string _host = "localhost";
    private string? _user;
    private string? _password;
    private int? _port;
    private string? _name;
    private bool? _useTls;
    private int _connectTimeout = 10;
    private bool _allowLocalInfile = true;
    private string? _boundTo;

    /// <summary><c>database.host</c> (default <c>localhost</c>; env <c>DJ_HOST</c>).</summary>
    public string Host { get => _host; set => _host = Unbound(_host, value, "database.host"); }

    /// <summary><c>database.user</c> (env <c>DJ_USER</c>).</summary>
    public string? User { get => _user; set => _user = Unbound(_user, value, "database.user"); }

    /// <summary>
    /// <c>database.password</c> (env <c>DJ_PASS</c>): write-only. Only the connection reads it; it is never serialized, printed,
    /// logged or put in an exception. <see cref="HasPassword"/> tells whether one is set.
    /// </summary>
    [JsonIgnore]
    public string? Password { internal get => _password; set => _password = Unbound(_password, value, "database.password"); }

    /// <summary>Whether a password is set (the password itself is not readable).</summary>
    public bool HasPassword => _password is not null;

    /// <summary><c>database.port</c> (env <c>DJ_PORT</c>); null means the backend's default (3306/5432).</summary>
    public int? Port { get => _port; set => _port = Unbound(_port, value, "database.port"); }

    /// <summary><c>database.backend</c> (<c>mysql</c> or <c>postgresql</c>; env <c>DJ_BACKEND</c>).</summary>
    public Backend Backend { get => _backend; set => _backend = Unbound(_backend, value, "database.backend"); }

    /// <summary><c>database.name</c>: the PostgreSQL database to connect to (default <c>postgres</c>).</summary>
    public string? Name { get => _name; set => _name = Unbound(_name, value, "database.name"); }

    /// <summary><c>database.reconnect</c>: reconnect automatically outside transactions (default true).</summary>
    public bool Reconnect { get; set; } = true;

    /// <summary><c>database.use_tls</c>: null tries TLS and falls back, true requires it, false disables it.</summary>
    public bool? UseTls { get => _useTls; set => _useTls = Unbound(_useTls, value, "database.use_tls"); }

    /// <summary><c>database.create_tables</c>: declare missing tables when they are bound (default true; read when a schema is created).</summary>
    public bool CreateTables { get; set; } = true;

    /// <summary>The port actually used: <see cref="Port"/> or the backend's default.</summary>
    public int EffectivePort => Port ?? BackendAdapter.For(Backend).DefaultPort;

    /// <summary>Seconds to wait for the server when connecting (default 10).</summary>
    public int ConnectTimeout { get => _connectTimeout; set => _connectTimeout = Unbound(_connectTimeout, value, "database.connect_timeout"); }

    /// <summary>
    /// <c>database.allow_local_infile</c> (MySQL; default true): let the driver answer the server's <c>LOAD DATA LOCAL</c>
    /// requests, which bulk inserts use. Turn it off where policy forbids local infile: the first bulk insert is then
    /// refused, and it and every later insert on the connection write <c>INSERT</c> statements instead.
    /// </summary>
    public bool AllowLocalInfile { get => _allowLocalInfile; set => _allowLocalInfile = Unbound(_allowLocalInfile, value, "database.allow_local_infile"); }

    /// <summary><c>database.database_prefix</c> (deprecated in DataJoint; kept for compatibility).</summary>
    public string DatabasePrefix { get; set; } = "";

    /// <summary>Describes the settings without the password.</summary>
    public override string ToString() =>
        $"{Backend} {User ?? "(no user)"}@{Host}:{EffectivePort}{(HasPassword ? " (password set)" : "")}";

    /// <summary>Called when a connection is created from these settings: later changes to what it read would do nothing, so they throw.</summary>
    internal void Bind() => _boundTo = BackendAdapter.Describe(this);

    private T Unbound<T>(T current, T value, string key) => _boundTo is null || EqualityComparer<T>.Default.Equals(current, value)
        ? value
        : throw new InvalidOperationException($"'{key}' cannot change after the connection to the {_boundTo} was created from these settings: "
            + "the connection has already read it. Create a new Instance with the new settings (for the global connection: Dj.Reset(), then set Dj.Config).");
}
