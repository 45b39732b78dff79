using System.Collections.Concurrent;

namespace DataJoint;

/// <summary>
/// An instance's object stores, as its <see cref="Config.Stores"/> configures them (<c>instance.Stores["raw"]</c>).
/// A store is validated and opened when first asked for and kept while its settings stay the same; opening does no
/// I/O. An empty or missing name means <c>stores.default</c> (<c>&lt;blob@&gt;</c>), or <c>stores.filepath_default</c>
/// for file references.
/// </summary>
public sealed class Stores : IDisposable
{
    private readonly Config config;
    private readonly ConcurrentDictionary<string, (StoreSpec Spec, ObjectStore Store)> opened = new(StringComparer.Ordinal);
    private readonly List<ObjectStore> retired = [];
    private readonly Lock gate = new();

    /// <summary>
    /// Stores for a configuration on its own (a tool that reads stores without a database); an instance's are
    /// <c>Instance.Stores</c>. Dispose it to release the clients.
    /// </summary>
    public Stores(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config;
    }

    /// <summary>The protocols stores may name; register more here before opening a store that uses them.</summary>
    public StorageProtocols Protocols { get; } = new();

    /// <summary>The store of that name; an empty name means <c>stores.default</c>.</summary>
    /// <exception cref="ConfigurationException">The store is not configured or its settings are invalid (the message names the store and key).</exception>
    public ObjectStore this[string name] => Get(name);

    /// <summary>The store <c>stores.default</c> names.</summary>
    public ObjectStore Default => Get(null);

    /// <summary>The store of that name, or the default one for null/empty (<c>stores.filepath_default</c> with <paramref name="useFilepathDefault"/>).</summary>
    /// <exception cref="ConfigurationException">The store is not configured or its settings are invalid.</exception>
    public ObjectStore Get(string? name, bool useFilepathDefault = false)
    {
        var spec = Spec(name, useFilepathDefault);
        if (opened.TryGetValue(spec.Name, out var current) && SameSettings(current.Spec, spec)) return current.Store;
        lock (gate)
        {
            if (opened.TryGetValue(spec.Name, out current) && SameSettings(current.Spec, spec)) return current.Store;
            var store = Protocols.Require(spec.Name, spec.Protocol).Open(spec);
            // A store replaced after its settings changed may still be in use; it is released with the others.
            if (current.Store is not null) retired.Add(current.Store);
            opened[spec.Name] = (spec, store);
            return store;
        }
    }

    /// <summary>The validated settings of a store (defaults applied), without opening it.</summary>
    /// <exception cref="ConfigurationException">The store is not configured or its settings are invalid.</exception>
    public StoreSpec Spec(string? name, bool useFilepathDefault = false) =>
        StoreConfiguration.Resolve(config, name, useFilepathDefault, Protocols);

    /// <summary>The content-addressed section of a store (null or empty: the default store), as <c>&lt;hash@name&gt;</c> uses it.</summary>
    public HashSection Hash(string? name) => new(Get(name), NormalizeName(name));

    /// <summary>
    /// A declared store name as DataJoint keeps it: null for the default store (<c>&lt;x@&gt;</c>, empty or blank),
    /// else the trimmed name.
    /// </summary>
    public static string? NormalizeName(string? name) => StoreConfiguration.NormalizeName(name);

    /// <summary>Releases the opened stores' clients; a store asked for afterwards is opened again.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (var store in opened.Values.Select(o => o.Store).Concat(retired)) store.Dispose();
            opened.Clear();
            retired.Clear();
        }
    }

    private static bool SameSettings(StoreSpec a, StoreSpec b) =>
        a.Protocol == b.Protocol && a.Values.Count == b.Values.Count
        && a.Values.All(p => b.Values.TryGetValue(p.Key, out var other) && Equals(Canonical(p.Value), Canonical(other)));

    private static object? Canonical(object? value) => value is System.Collections.IEnumerable sequence and not string
        ? string.Join(",", sequence.Cast<object?>())
        : value;
}
