using System.Collections.Concurrent;
using DataJoint;

namespace WebApi;

/// <summary>
/// One isolated DataJoint <see cref="Instance"/> per tenant, created on first use and shared by that tenant's
/// requests (an Instance is thread-safe and pools its connections). Tenants never share a connection or config.
/// </summary>
public sealed class TenantInstances(IReadOnlyDictionary<string, TenantOptions> tenants) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Instance>> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Schema>> _schemas = new(StringComparer.Ordinal);

    public bool Knows(string tenant) => tenants.ContainsKey(tenant);

    /// <summary>The tenant's schema; created once and shared, so its bound table handles are reused across requests.</summary>
    public Schema SchemaFor(string tenant) => _schemas.GetOrAdd(tenant, t => new Lazy<Schema>(
        () => InstanceFor(t).Schema(tenants[t].Schema), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private Instance InstanceFor(string tenant)
    {
        var options = tenants[tenant];
        return _instances.GetOrAdd(tenant, _ => new Lazy<Instance>(
            () => new Instance(options.Host, options.User, options.Password, port: options.Port, backend: options.Backend),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _instances.Values.Where(l => l.IsValueCreated)) await lazy.Value.DisposeAsync();
    }
}
