using Microsoft.Extensions.Options;

namespace DataJoint.Hosting;

/// <summary>Checks at start-up that the settings make a configuration (every key known, every value valid, a user set).</summary>
internal sealed class DataJointOptionsValidator : IValidateOptions<DataJointOptions>
{
    public ValidateOptionsResult Validate(string? name, DataJointOptions options)
    {
        var instance = string.IsNullOrEmpty(name) ? "the default DataJoint instance" : $"DataJoint instance '{name}'";
        Config config;
        try
        {
            config = options.BuildConfig();
        }
        catch (ConfigurationException ex)
        {
            return ValidateOptionsResult.Fail($"Invalid configuration of {instance}: {ex.Message}");
        }

        if (string.IsNullOrEmpty(config.Database.User))
        {
            var key = string.IsNullOrEmpty(name)
                ? $"{DataJointOptions.SectionName}:database:user"
                : $"{DataJointOptions.SectionName}:{DataJointOptions.InstancesSectionName}:{name}:database:user";
            return ValidateOptionsResult.Fail($"Invalid configuration of {instance}: no database user is set. "
                + $"Set the configuration key '{key}' (or DJ_USER).");
        }

        return ValidateOptionsResult.Success;
    }
}
