namespace DataJoint.Hosting;

/// <summary>
/// How <c>AddDataJoint</c> builds an <see cref="Instance"/>'s <see cref="Config"/>: DataJoint's own sources first (when
/// <see cref="UseDataJointSources"/>), then <see cref="Settings"/> (read from the <c>"DataJoint"</c> configuration
/// section, keys as DataJoint's: <c>{"DataJoint": {"database": {"host": "db"}}}</c> or <c>"database.host"</c>), then
/// <see cref="Configure"/>.
/// </summary>
public sealed class DataJointOptions
{
    /// <summary>The configuration section the default instance reads (<c>"DataJoint"</c>).</summary>
    public const string SectionName = "DataJoint";

    /// <summary>The subsection holding named instances: <c>DataJoint:Instances:&lt;name&gt;</c>.</summary>
    public const string InstancesSectionName = "Instances";

    private readonly Dictionary<string, string> _sources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Settings by DataJoint key (<c>database.host</c>, <c>safemode</c>, <c>stores.raw.location</c>) as text, as
    /// configuration gives them. Filled from the configuration section; code may add to it.
    /// </summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Start from DataJoint's own sources, as <c>new Instance(...)</c> does: defaults, secrets, <c>datajoint.json</c> and
    /// <c>DJ_*</c> environment variables (default true). False: defaults only, then <see cref="Settings"/>.
    /// </summary>
    public bool UseDataJointSources { get; set; } = true;

    /// <summary>Typed configuration applied last, after <see cref="Settings"/>.</summary>
    public Action<Config>? Configure { get; set; }

    /// <summary>Builds the configuration an instance gets (a new one on every call).</summary>
    /// <exception cref="ConfigurationException">A source or a setting holds an unusable value; the message names the
    /// configuration key.</exception>
    public Config BuildConfig()
    {
        var config = UseDataJointSources ? Config.Load() : new Config();
        foreach (var (key, value) in Settings)
        {
            config.SetText(key, value, _sources.TryGetValue(key, out var source) ? $"Configuration key '{source}'" : $"DataJointOptions.Settings['{key}']");
        }

        Configure?.Invoke(config);
        return config;
    }

    internal void Read(string key, string value, string configurationPath)
    {
        Settings[key] = value;
        _sources[key] = configurationPath;
    }
}
