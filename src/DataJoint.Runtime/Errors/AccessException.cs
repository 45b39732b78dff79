namespace DataJoint;

/// <summary>The database user lacks a privilege (MySQL 1044/1142, PostgreSQL 42501).</summary>
public class AccessException : QueryException
{
    /// <summary>Creates the exception with a message.</summary>
    public AccessException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AccessException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public AccessException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
