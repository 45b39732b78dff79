namespace DataJoint;

/// <summary>
/// A storage protocol: which keys its stores take and how to open one (DataJoint's <c>StorageAdapter</c>). The
/// built-ins are <see cref="FileProtocol"/> and <see cref="S3Protocol"/>; register another on an instance's
/// <see cref="Stores.Protocols"/> and name it in a store's <c>protocol</c> key.
/// </summary>
public abstract class StorageProtocol
{
    /// <summary>The keys every store may have whatever its protocol (layout and section settings).</summary>
    public static IReadOnlyCollection<string> CommonKeys { get; } =
    [
        "protocol", "location", "subfolding", "partition_pattern", "token_length", "hash_prefix", "schema_prefix", "filepath_prefix", "stage",
    ];

    /// <summary>The protocol's name as written in <c>stores.&lt;name&gt;.protocol</c> (lowercase).</summary>
    public abstract string Name { get; }

    /// <summary>Keys a store of this protocol must have.</summary>
    public abstract IReadOnlyCollection<string> RequiredKeys { get; }

    /// <summary>Keys this protocol accepts besides <see cref="CommonKeys"/>.</summary>
    public abstract IReadOnlyCollection<string> AllowedKeys { get; }

    /// <summary>Adds the protocol's defaults to a store's keys before they are checked (e.g. s3 <c>secure</c> = true).</summary>
    public virtual void ApplyDefaults(IDictionary<string, object?> values)
    {
    }

    /// <summary>Checks the values of a store's keys (their presence and names are checked already).</summary>
    /// <exception cref="ConfigurationException">A value is unusable; name the store and the key.</exception>
    public virtual void Validate(StoreSpec spec)
    {
    }

    /// <summary>Opens a store; must do no I/O (the first operation connects).</summary>
    public abstract ObjectStore Open(StoreSpec spec);
}
