namespace DataJoint;

/// <summary>
/// DataJoint settings. Every <see cref="Instance"/> owns its own <see cref="Config"/>; operations read the
/// settings of the connection they run on, never a global. Settings are typed properties and can also be
/// addressed by their DataJoint keys (<c>config["database.port"]</c>, <c>"display__limit"</c>).
/// </summary>
public sealed partial class Config
{
    private string _logLevel = "INFO";

    /// <summary><c>database.*</c>.</summary>
    public DatabaseSettings Database { get; } = new();

    /// <summary><c>display.*</c>.</summary>
    public DisplaySettings Display { get; } = new();

    /// <summary><c>jobs.*</c>.</summary>
    public JobsSettings Jobs { get; } = new();

    /// <summary><c>insert.*</c>: when inserts bulk-load (a port's addition).</summary>
    public InsertSettings Insert { get; } = new();

    /// <summary><c>blob.*</c>: the size limit for reading blobs back (a port's addition).</summary>
    public BlobSettings Blob { get; } = new();

    /// <summary><c>safemode</c>: ask before delete and drop (default true; env DJ_SAFEMODE).</summary>
    public bool SafeMode { get; set; } = true;

    /// <summary>
    /// <c>loglevel</c> (default INFO; env DJ_LOG_LEVEL): the least severe of DataJoint's own log events that are written
    /// (<c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> or <c>CRITICAL</c>), as DataJoint sets its logger's level. It
    /// filters the events of the <c>DataJoint.*</c> categories before the logger factory's own filters; the database driver's
    /// events are left to the factory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of the five level names.</exception>
    public string LogLevel
    {
        get => _logLevel;
        set => _logLevel = LogLevels.Parse(value) is not null
            ? value.Trim().ToUpperInvariant()
            : throw new ArgumentOutOfRangeException(nameof(value), value, "loglevel must be DEBUG, INFO, WARNING, ERROR or CRITICAL.");
    }

    /// <summary>The <see cref="LogLevel"/> as a <see cref="Microsoft.Extensions.Logging.LogLevel"/>.</summary>
    internal Microsoft.Extensions.Logging.LogLevel MinimumLogLevel => LogLevels.Parse(_logLevel)!.Value;

    /// <summary><c>ignore_config_file</c>: skip <c>datajoint.json</c> and secrets (env DJ_IGNORE_CONFIG_FILE).</summary>
    public bool IgnoreConfigFile { get; set; }

    /// <summary>
    /// <c>stores</c>: object-store specifications by store name (<c>stores.&lt;name&gt;.protocol</c>, <c>location</c>, ...),
    /// plus the plain keys <c>default</c> and <c>filepath_default</c> naming stores.
    /// </summary>
    public Dictionary<string, object?> Stores { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The file the settings were read from, when one was found.</summary>
    public string? SourceFile { get; internal set; }

    /// <summary>
    /// Asked for confirmation by delete and drop when <see cref="SafeMode"/> is on. Returns true to proceed.
    /// The default asks on the console when it is interactive and refuses otherwise.
    /// </summary>
    public Func<string, bool> Confirm { get; set; } = ConsoleConfirm;

    /// <summary>
    /// Builds a configuration the way DataJoint does: defaults, secrets, <c>datajoint.json</c> (searched upward from
    /// the working directory), then <c>DJ_*</c> environment variables.
    /// </summary>
    /// <exception cref="ConfigurationException">A source holds an unusable value; the message names the source.</exception>
    public static Config Load() => ConfigLoader.ForProcess().Load();

    /// <summary>Reads or writes a setting by its DataJoint key (<c>.</c> or <c>__</c> separate the parts).</summary>
    /// <exception cref="ArgumentException">The key is unknown, or the value has the wrong type.</exception>
    public object? this[string key]
    {
        get => Settings.Find(key) is { Secret: true } secret
            ? throw new InvalidOperationException($"'{secret.Key}' is write-only: only the connection reads it.")
            : Settings.Find(key).Get(this);
        set => Set(key, value);
    }

    /// <summary>Sets a setting by its DataJoint key (<c>safemode</c>, <c>database.port</c> or <c>database__port</c>).</summary>
    /// <exception cref="ArgumentException">The key is unknown or the value has the wrong type.</exception>
    public void Set(string key, object? value)
    {
        if (StoreKey(key) is { } store)
        {
            SetStore(store.Name, store.Attribute, value);
            return;
        }

        Settings.Find(key).Set(this, value);
    }

    /// <summary>
    /// Sets a setting from text, as configuration files, environment variables and <c>IConfiguration</c> give it
    /// (<c>"true"</c>, <c>"3306"</c>, <c>"postgresql"</c>). The key is matched without regard to case, except a store's name.
    /// </summary>
    /// <param name="key">A DataJoint key (<c>database.port</c>, <c>database__port</c>, <c>stores.raw.location</c>).</param>
    /// <param name="text">The value as text.</param>
    /// <param name="source">Where the value comes from, for the error message (a file, a configuration path).</param>
    /// <exception cref="ConfigurationException">The key is unknown or the text is not a valid value; the message names
    /// <paramref name="source"/> and the key, and never echoes a password.</exception>
    public void SetText(string key, string text, string source)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        var parts = Settings.Normalize(key).Split('.');
        parts[0] = parts[0].ToLowerInvariant();
        if (parts[0] == "stores")
        {
            if (parts.Length == 3) parts[2] = parts[2].ToLowerInvariant();
            try
            {
                Set(string.Join('.', parts), text);
            }
            catch (ArgumentException ex)
            {
                throw new ConfigurationException($"{source}: {ex.Message}", ex);
            }

            return;
        }

        var normalized = string.Join('.', parts).ToLowerInvariant();
        if (!Keys.Contains(normalized, StringComparer.Ordinal))
        {
            throw new ConfigurationException($"{source} sets an unknown setting '{key}'. Known settings: {string.Join(", ", Keys)}, "
                + "stores.<name>.<attribute>.");
        }

        Settings.Find(normalized).SetText(this, text, source);
    }

    /// <summary>All setting keys this port knows, in DataJoint's dotted form.</summary>
    public static IReadOnlyList<string> Keys => Settings.All.Select(s => s.Key).ToList();

    /// <summary>
    /// Applies settings for a scope and restores the previous values when the returned object is disposed
    /// (DataJoint's <c>config.override(...)</c>).
    /// </summary>
    public IDisposable Override(IReadOnlyDictionary<string, object?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var previous = settings.Keys.Select(k => (Key: k, Value: StoreKey(k) is null ? Settings.Find(k).Get(this) : this[k])).ToList();
        var applied = new List<(string Key, object? Value)>();
        try
        {
            foreach (var (key, value) in settings)
            {
                Set(key, value);
                applied.Add(previous.First(p => p.Key == key));
            }
        }
        catch
        {
            Restore(applied);
            throw;
        }

        return new Restorer(this, previous);
    }

    /// <summary>Applies one setting for a scope; see <see cref="Override(IReadOnlyDictionary{string, object?})"/>.</summary>
    public IDisposable Override(string key, object? value) => Override(new Dictionary<string, object?> { [key] = value });

    private void Restore(IEnumerable<(string Key, object? Value)> values)
    {
        foreach (var (key, value) in values.Reverse()) Set(key, value);
    }

    private sealed class Restorer(Config config, List<(string Key, object? Value)> previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            config.Restore(previous);
        }
    }

    private static (string Name, string? Attribute)? StoreKey(string key)
    {
        var parts = Settings.Normalize(key).Split('.');
        if (parts[0] != "stores") return null;
        return parts.Length switch
        {
            2 => (parts[1], null),
            3 => (parts[1], parts[2]),
            _ => throw new ArgumentException($"Store settings are 'stores.<name>' or 'stores.<name>.<attribute>', not '{key}'.", nameof(key)),
        };
    }

    private void SetStore(string name, string? attribute, object? value)
    {
        if (attribute is null)
        {
            Stores[name] = value;
            return;
        }

        if (Stores.TryGetValue(name, out var existing) && existing is Dictionary<string, object?> spec)
        {
            spec[attribute] = value;
            return;
        }

        Stores[name] = new Dictionary<string, object?>(StringComparer.Ordinal) { [attribute] = value };
    }

    internal void ReplaceStores(Dictionary<string, object?> stores) => Stores = stores;

    /// <summary>Describes the settings without any credential.</summary>
    public override string ToString() => $"Config({Database}, safemode={SafeMode}, loglevel={LogLevel}"
        + (SourceFile is null ? ")" : $", from {SourceFile})");

    private static bool ConsoleConfirm(string question)
    {
        if (Console.IsInputRedirected || !Environment.UserInteractive) return false;
        Console.Write($"{question} [yes/No]: ");
        var answer = Console.ReadLine();
        return string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }
}
