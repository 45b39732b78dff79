using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DataJoint.Hosting;

/// <summary>
/// Reads the host's configuration into <see cref="DataJointOptions.Settings"/>: the default instance from
/// <c>DataJoint</c>, a named one from <c>DataJoint</c> overlaid with <c>DataJoint:Instances:&lt;name&gt;</c>. Nested
/// sections become dotted keys (<c>database:host</c> → <c>database.host</c>).
/// </summary>
internal sealed class DataJointOptionsSetup(IServiceProvider services) : IConfigureNamedOptions<DataJointOptions>
{
    // Optional: a bare service collection (no host) has no configuration, and code-only options still work.
    private readonly IConfiguration? _configuration = services.GetService(typeof(IConfiguration)) as IConfiguration;

    public void Configure(DataJointOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, DataJointOptions options)
    {
        if (_configuration is null) return;
        var root = _configuration.GetSection(DataJointOptions.SectionName);
        Read(root, options, skipInstances: true);
        if (!string.IsNullOrEmpty(name))
        {
            Read(root.GetSection(DataJointOptions.InstancesSectionName).GetSection(name), options, skipInstances: false);
        }
    }

    private static void Read(IConfigurationSection section, DataJointOptions options, bool skipInstances)
    {
        foreach (var (path, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null) continue;
            if (skipInstances && (path.Equals(DataJointOptions.InstancesSectionName, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(DataJointOptions.InstancesSectionName + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            options.Read(path.Replace(ConfigurationPath.KeyDelimiter, ".", StringComparison.Ordinal), value,
                ConfigurationPath.Combine(section.Path, path));
        }
    }
}
