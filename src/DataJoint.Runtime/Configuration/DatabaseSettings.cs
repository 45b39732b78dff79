namespace DataJoint;

/// <summary>The <c>database.*</c> settings: where and how to connect.</summary>
public sealed class DatabaseSettings
{
    private Backend _backend = Backend.MySql;

    /// <summary><c>database.host</c> (default <c>localhost</c>; env <c>DJ_HOST</c>).</summary>
    public string Host { get; set; } = "localhost";

    /// <summary><c>database.user</c> (env <c>DJ_USER</c>).</summary>
    public string? User { get; set; }

    /// <summary><c>database.password</c> (env <c>DJ_PASS</c>). Never printed.</summary>
    public string? Password { get; set; }

    /// <summary><c>database.port</c> (env <c>DJ_PORT</c>); null means the backend's default (3306/5432).</summary>
    public int? Port { get; set; }

    /// <summary><c>database.backend</c> (<c>mysql</c> or <c>postgresql</c>; env <c>DJ_BACKEND</c>).</summary>
    public Backend Backend
    {
        get => _backend;
        set => _backend = value;
    }

    /// <summary><c>database.name</c>: the PostgreSQL database to connect to (default <c>postgres</c>).</summary>
    public string? Name { get; set; }

    /// <summary><c>database.reconnect</c>: reconnect automatically outside transactions (default true).</summary>
    public bool Reconnect { get; set; } = true;

    /// <summary><c>database.use_tls</c>: null tries TLS and falls back, true requires it, false disables it.</summary>
    public bool? UseTls { get; set; }

    /// <summary><c>database.create_tables</c>: declare missing tables when they are bound (default true).</summary>
    public bool CreateTables { get; set; } = true;

    /// <summary>The port actually used: <see cref="Port"/> or the backend's default.</summary>
    public int EffectivePort => Port ?? BackendAdapter.For(Backend).DefaultPort;

    /// <summary>Seconds to wait for the server when connecting (default 10).</summary>
    public int ConnectTimeout { get; set; } = 10;

    /// <summary>
    /// <c>database.allow_local_infile</c> (MySQL; default true): let the driver answer the server's <c>LOAD DATA LOCAL</c>
    /// requests, which bulk inserts use. Turn it off where policy forbids local infile: the first bulk insert is then
    /// refused, and it and every later insert on the connection write <c>INSERT</c> statements instead.
    /// </summary>
    public bool AllowLocalInfile { get; set; } = true;

    /// <summary><c>database.database_prefix</c> (deprecated in DataJoint; kept for compatibility).</summary>
    public string DatabasePrefix { get; set; } = "";

    /// <summary>Describes the settings without the password.</summary>
    public override string ToString() =>
        $"{Backend} {User ?? "(no user)"}@{Host}:{EffectivePort}{(Password is null ? "" : " (password set)")}";
}
