namespace DataJoint;

/// <summary>A foreign-key constraint was violated (MySQL 1216/1217/1451/1452, PostgreSQL 23503).</summary>
public class IntegrityException : QueryException
{
    /// <summary>Creates the exception with a message.</summary>
    public IntegrityException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IntegrityException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public IntegrityException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
