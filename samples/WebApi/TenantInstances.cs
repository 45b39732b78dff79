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

    public bool Knows(string tenant) => tenants.ContainsKey(tenant);

    public Schema SchemaFor(string tenant)
    {
        var options = tenants[tenant];
        var instance = _instances.GetOrAdd(tenant, _ => new Lazy<Instance>(
            () => new Instance(options.Host, options.User, options.Password, port: options.Port, backend: options.Backend),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return instance.Schema(options.Schema);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _instances.Values.Where(l => l.IsValueCreated)) await lazy.Value.DisposeAsync();
    }
}
