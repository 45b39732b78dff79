namespace DataJoint;

/// <summary>
/// A value cannot be packed into DataJoint's blob format (its .NET type has no blob encoding), or bytes cannot be
/// unpacked from it (not a DataJoint blob, truncated or corrupt, or holding a type code this port does not read).
/// The message names the type or type code and the byte offset.
/// </summary>
public class BlobException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public BlobException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public BlobException(string message, Exception? innerException) : base(message, innerException) { }
}
