using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataJoint.Hosting;

/// <summary>Adds <see cref="DataJointHealthCheck"/> to a host's health checks.</summary>
public static class DataJointHealthChecksBuilderExtensions
{
    /// <summary>Checks that the server of a DataJoint instance registered with <c>AddDataJoint</c> answers.</summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="instanceName">A named instance (<c>AddDataJoint("tenant-a")</c>); null: the default instance.</param>
    /// <param name="name">The check's name (default <c>datajoint</c>, or <c>datajoint-&lt;instance&gt;</c>).</param>
    /// <param name="failureStatus">Reported when the server does not answer (default <see cref="HealthStatus.Unhealthy"/>).</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take.</param>
    public static IHealthChecksBuilder AddDataJoint(this IHealthChecksBuilder builder, string? instanceName = null, string? name = null,
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (instanceName is null ? "datajoint" : $"datajoint-{instanceName}"),
            provider => new DataJointHealthCheck(() => instanceName is null
                ? provider.GetRequiredService<Instance>()
                : provider.GetRequiredKeyedService<Instance>(instanceName)),
            failureStatus,
            tags,
            timeout));
    }
}
