namespace DataJoint;

/// <summary>
/// An object store could not be used: the store is unreachable, refused the credentials, or an operation on a path
/// failed. The message names the store and the path; <see cref="Exception.InnerException"/> keeps the client's error.
/// </summary>
public class StorageException : DataJointException
{
    /// <summary>Creates the exception for a store and (when there is one) a path in it.</summary>
    public StorageException(string store, string? path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Store = store;
        Path = path;
    }

    /// <summary>The store's name as configured in <c>stores</c>.</summary>
    public string Store { get; }

    /// <summary>The path inside the store (relative to its location), when the error concerns one.</summary>
    public string? Path { get; }
}
