using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataJoint.Hosting;

/// <summary>
/// Reports whether a DataJoint <see cref="Instance"/>'s server answers (a round trip on a pooled connection):
/// healthy with the server's description, or the failure status with the error (never credentials).
/// </summary>
/// <param name="instance">Gets the instance; called on every check, so an instance that could not connect at first
/// is tried again.</param>
public sealed class DataJointHealthCheck(Func<Instance> instance) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var connection = instance().Connection;
            await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The {connection.Description} answers.");
        }
        catch (Exception ex) when (ex is DataJointException or InvalidOperationException or ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
