namespace DataJoint;

/// <summary>A statement or row named an attribute the table does not have.</summary>
public class UnknownAttributeException : QueryException
{
    /// <summary>Creates the exception with a message.</summary>
    public UnknownAttributeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public UnknownAttributeException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public UnknownAttributeException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
