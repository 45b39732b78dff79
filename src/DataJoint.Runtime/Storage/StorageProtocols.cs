using System.Collections.Concurrent;

namespace DataJoint;

/// <summary>The protocols an instance's stores may name: <c>file</c> and <c>s3</c>, plus any registered.</summary>
public sealed class StorageProtocols
{
    // DataJoint-Python has these built in; naming them explains why this port refuses them.
    private static readonly string[] PythonOnly = ["gcs", "azure"];

    private readonly ConcurrentDictionary<string, StorageProtocol> byName = new(StringComparer.Ordinal);

    internal StorageProtocols()
    {
        Register(new FileProtocol());
        Register(new S3Protocol());
    }

    /// <summary>Adds (or replaces) a protocol under its <see cref="StorageProtocol.Name"/>.</summary>
    public void Register(StorageProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (string.IsNullOrWhiteSpace(protocol.Name) || protocol.Name != protocol.Name.ToLowerInvariant())
        {
            throw new ArgumentException($"A storage protocol's name must be non-empty lowercase text, not '{protocol.Name}'.", nameof(protocol));
        }

        byName[protocol.Name] = protocol;
    }

    /// <summary>The registered protocol names.</summary>
    public IReadOnlyCollection<string> Names => byName.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The protocol of that name, or null.</summary>
    public StorageProtocol? Find(string name) => byName.GetValueOrDefault(name);

    internal StorageProtocol Require(string store, string protocol)
    {
        if (Find(protocol) is { } found) return found;
        var known = string.Join(", ", Names);
        if (PythonOnly.Contains(protocol, StringComparer.Ordinal))
        {
            throw new ConfigurationException($"stores[\"{store}\"].protocol \"{protocol}\" is not available in DataJoint for .NET (it has {known}). "
                + "Register a StorageProtocol for it on the instance's Stores.Protocols.");
        }

        throw new ConfigurationException($"Unknown protocol \"{protocol}\" in stores[\"{store}\"]. Available: {known}. "
            + "Register a StorageProtocol on the instance's Stores.Protocols for another.");
    }
}
