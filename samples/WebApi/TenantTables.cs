using System.Collections.Concurrent;
using DataJoint;

namespace WebApi;

/// <summary>
/// Each tenant's bound tables. A tenant's <see cref="Instance"/> is the keyed service <c>AddDataJoint(tenant)</c>
/// registered (its own config and connection pool, disposed with the host); its schema and table handles are bound once,
/// asynchronously, on the tenant's first request and then shared by all its requests (bound handles are immutable).
/// </summary>
public sealed class TenantTables(IServiceProvider services, IReadOnlyDictionary<string, string> schemaByTenant)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Subject>>> _subjects = new(StringComparer.Ordinal);

    public bool Knows(string tenant) => schemaByTenant.ContainsKey(tenant);

    /// <summary>The tenant's <see cref="Subject"/> table, declared on first use.</summary>
    public async Task<Subject> SubjectsAsync(string tenant)
    {
        var binding = _subjects.GetOrAdd(tenant, t => new Lazy<Task<Subject>>(() => BindAsync(t)));
        try
        {
            return await binding.Value;
        }
        catch
        {
            // A failed binding (server down, no privileges) is not cached: the next request tries again.
            _subjects.TryRemove(KeyValuePair.Create(tenant, binding));
            throw;
        }
    }

    // Shared by every request of the tenant, so no request's cancellation may cancel it.
    private async Task<Subject> BindAsync(string tenant)
    {
        var instance = services.GetRequiredKeyedService<Instance>(tenant);
        var schema = await instance.SchemaAsync(schemaByTenant[tenant], CancellationToken.None);
        return await schema.TableAsync<Subject>(CancellationToken.None);
    }
}
