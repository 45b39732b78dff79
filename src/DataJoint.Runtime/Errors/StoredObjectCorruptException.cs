namespace DataJoint;

/// <summary>A content-addressed object read from a store does not have the hash it was stored under.</summary>
public class StoredObjectCorruptException : StorageException
{
    /// <summary>Creates the exception for the object whose content hash differs.</summary>
    public StoredObjectCorruptException(string store, string path, string expectedHash, string actualHash)
        : base(store, path, $"The object '{path}' in store '{store}' is corrupt: its content hashes to {actualHash}, "
            + $"but it was stored as {expectedHash}. Restore it from a backup or re-insert the row.")
    {
        ExpectedHash = expectedHash;
        ActualHash = actualHash;
    }

    /// <summary>Creates the exception with a message of its own (one that adds where the object was referred to).</summary>
    public StoredObjectCorruptException(string store, string path, string expectedHash, string actualHash, string message, Exception? innerException)
        : base(store, path, message, innerException)
    {
        ExpectedHash = expectedHash;
        ActualHash = actualHash;
    }

    /// <summary>The hash recorded when the object was stored.</summary>
    public string ExpectedHash { get; }

    /// <summary>The hash of what the store holds now.</summary>
    public string ActualHash { get; }
}
