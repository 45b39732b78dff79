namespace DataJoint;

/// <summary>A stored object that the database refers to is not in its store (DataJoint's <c>MissingExternalFile</c>).</summary>
public class StoredObjectMissingException : StorageException
{
    /// <summary>Creates the exception for the missing object.</summary>
    public StoredObjectMissingException(string store, string path, string message, Exception? innerException = null)
        : base(store, path, message, innerException)
    {
    }
}
