namespace DataJoint;

/// <summary>A required attribute was not given a value (MySQL 1364, PostgreSQL 23502).</summary>
public class MissingAttributeException : QueryException
{
    /// <summary>Creates the exception with a message.</summary>
    public MissingAttributeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MissingAttributeException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public MissingAttributeException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
