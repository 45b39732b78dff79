namespace DataJoint;

/// <summary>The catalog of addressable settings (docs/semantics.md#settings) and their environment variables.</summary>
internal static class Settings
{
    public static readonly IReadOnlyList<Setting> All =
    [
        new("database.host", typeof(string), c => c.Database.Host, (c, v) => c.Database.Host = (string)v!),
        new("database.user", typeof(string), c => c.Database.User, (c, v) => c.Database.User = (string?)v),
        new("database.password", typeof(string), c => c.Database.Password, (c, v) => c.Database.Password = (string?)v, secret: true),
        new("database.port", typeof(int?), c => c.Database.Port, (c, v) => c.Database.Port = v is int p && p is <= 0 or > 65535
            ? throw new ArgumentOutOfRangeException(nameof(v), p, "The port must be between 1 and 65535.") : (int?)v),
        new("database.backend", typeof(Backend), c => c.Database.Backend, (c, v) => c.Database.Backend = (Backend)v!),
        new("database.name", typeof(string), c => c.Database.Name, (c, v) => c.Database.Name = (string?)v),
        new("database.reconnect", typeof(bool), c => c.Database.Reconnect, (c, v) => c.Database.Reconnect = (bool)v!),
        new("database.use_tls", typeof(bool?), c => c.Database.UseTls, (c, v) => c.Database.UseTls = (bool?)v),
        new("database.database_prefix", typeof(string), c => c.Database.DatabasePrefix, (c, v) => c.Database.DatabasePrefix = (string)v!),
        new("database.create_tables", typeof(bool), c => c.Database.CreateTables, (c, v) => c.Database.CreateTables = (bool)v!),
        new("database.connect_timeout", typeof(int), c => c.Database.ConnectTimeout, (c, v) => c.Database.ConnectTimeout = (int)v!),
        new("database.allow_local_infile", typeof(bool), c => c.Database.AllowLocalInfile, (c, v) => c.Database.AllowLocalInfile = (bool)v!),
        new("display.limit", typeof(int), c => c.Display.Limit, (c, v) => c.Display.Limit = (int)v!),
        new("display.width", typeof(int), c => c.Display.Width, (c, v) => c.Display.Width = (int)v!),
        new("display.show_tuple_count", typeof(bool), c => c.Display.ShowTupleCount, (c, v) => c.Display.ShowTupleCount = (bool)v!),
        new("jobs.auto_refresh", typeof(bool), c => c.Jobs.AutoRefresh, (c, v) => c.Jobs.AutoRefresh = (bool)v!),
        new("jobs.keep_completed", typeof(bool), c => c.Jobs.KeepCompleted, (c, v) => c.Jobs.KeepCompleted = (bool)v!),
        new("jobs.stale_timeout", typeof(double), c => c.Jobs.StaleTimeout, (c, v) => c.Jobs.StaleTimeout = (double)v!),
        new("jobs.default_priority", typeof(int), c => c.Jobs.DefaultPriority, (c, v) => c.Jobs.DefaultPriority = (int)v!),
        new("jobs.version_method", typeof(string), c => c.Jobs.VersionMethod, (c, v) => c.Jobs.VersionMethod = (string?)v),
        new("jobs.allow_new_pk_fields_in_computed_tables", typeof(bool), c => c.Jobs.AllowNewPkFieldsInComputedTables,
            (c, v) => c.Jobs.AllowNewPkFieldsInComputedTables = (bool)v!),
        new("jobs.add_job_metadata", typeof(bool), c => c.Jobs.AddJobMetadata, (c, v) => c.Jobs.AddJobMetadata = (bool)v!),
        new("insert.bulk", typeof(BulkInsertMode), c => c.Insert.Bulk, (c, v) => c.Insert.Bulk = (BulkInsertMode)v!),
        new("insert.bulk_threshold", typeof(int), c => c.Insert.BulkThreshold, (c, v) => c.Insert.BulkThreshold = (int)v!),
        new("blob.max_size", typeof(long), c => c.Blob.MaxSize, (c, v) => c.Blob.MaxSize = (long)v!),
        new("safemode", typeof(bool), c => c.SafeMode, (c, v) => c.SafeMode = (bool)v!),
        new("loglevel", typeof(string), c => c.LogLevel, (c, v) => c.LogLevel = (string)v!),
        new("ignore_config_file", typeof(bool), c => c.IgnoreConfigFile, (c, v) => c.IgnoreConfigFile = (bool)v!),
    ];

    /// <summary>Environment variables and the keys they set (docs/semantics.md#settings).</summary>
    public static readonly IReadOnlyList<(string Variable, string Key)> Environment =
    [
        ("DJ_HOST", "database.host"),
        ("DJ_USER", "database.user"),
        ("DJ_PASS", "database.password"),
        ("DJ_PORT", "database.port"),
        ("DJ_BACKEND", "database.backend"),
        ("DJ_DATABASE_NAME", "database.name"),
        ("DJ_DATABASE_PREFIX", "database.database_prefix"),
        ("DJ_CREATE_TABLES", "database.create_tables"),
        ("DJ_USE_TLS", "database.use_tls"),
        ("DJ_RECONNECT", "database.reconnect"),
        ("DJ_LOG_LEVEL", "loglevel"),
        ("DJ_SAFEMODE", "safemode"),
        ("DJ_IGNORE_CONFIG_FILE", "ignore_config_file"),
    ];

    /// <summary>
    /// DataJoint-Python settings this port has no use for (no MySQL charset choice: the driver always speaks utf8mb4; no query
    /// cache, attachments or diagrams). They are not settings here; a config file may still carry them with the value
    /// DataJoint-Python's template writes, which means "nothing special", so files shared with Python load. Any other
    /// value is refused by the loader.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object?> PythonOnly = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["connection.charset"] = "",
        ["query_cache"] = null,
        ["download_path"] = ".",
        ["display.diagram_direction"] = "LR",
        ["display.diagram_theme"] = "auto",
    };

    private static readonly Dictionary<string, Setting> ByKey = All.ToDictionary(s => s.Key, StringComparer.Ordinal);

    /// <summary><c>a__b</c> → <c>a.b</c>.</summary>
    public static string Normalize(string key) => key.Trim().Replace("__", ".", StringComparison.Ordinal);

    /// <summary>The setting for a key.</summary>
    /// <exception cref="ArgumentException">No such setting.</exception>
    public static Setting Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ByKey.TryGetValue(Normalize(key), out var setting)
            ? setting
            : throw new ArgumentException($"Unknown setting '{key}'. Known settings: {string.Join(", ", ByKey.Keys)}, stores.<name>.<attribute>.", nameof(key));
    }
}
