using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataJoint.Hosting;

/// <summary>Registers DataJoint <see cref="Instance"/>s with a service collection.</summary>
public static class DataJointServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="Instance"/> (a singleton, connected when first resolved, disposed with the host),
    /// its settings read from the <c>"DataJoint"</c> configuration section and validated when the host starts. DataJoint
    /// and the database driver log through the host's <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddDataJoint(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions(services, Options.DefaultName, null);
        services.TryAddSingleton(provider => Create(provider, Options.DefaultName));
        return services;
    }

    /// <summary>
    /// <see cref="AddDataJoint(IServiceCollection)"/>, then <paramref name="configure"/> changes the options after the
    /// configuration section is read.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options (settings by key, <see cref="DataJointOptions.Configure"/>).</param>
    public static IServiceCollection AddDataJoint(this IServiceCollection services, Action<DataJointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddDataJoint(services);
        services.Configure(Options.DefaultName, configure);
        return services;
    }

    /// <summary>
    /// Registers a named <see cref="Instance"/> (for one tenant or database), resolved as a keyed service
    /// (<c>[FromKeyedServices("tenant-a")] Instance</c>). Its settings are the <c>"DataJoint"</c> section's, overlaid
    /// with <c>"DataJoint:Instances:&lt;name&gt;"</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The instance's name and service key.</param>
    /// <param name="configure">Changes the options after the configuration sections are read.</param>
    public static IServiceCollection AddDataJoint(this IServiceCollection services, string name, Action<DataJointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        AddOptions(services, name, configure);
        services.TryAddKeyedSingleton(name, (provider, _) => Create(provider, name));
        return services;
    }

    private static void AddOptions(IServiceCollection services, string name, Action<DataJointOptions>? configure)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DataJointOptions>, DataJointOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataJointOptions>, DataJointOptionsValidator>());
        var builder = services.AddOptions<DataJointOptions>(name);
        if (configure is not null) builder.Configure(configure);
        builder.ValidateOnStart();
    }

    private static Instance Create(IServiceProvider provider, string name)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<DataJointOptions>>().Get(name);
        return new Instance(options.BuildConfig(), provider.GetService<ILoggerFactory>());
    }
}
