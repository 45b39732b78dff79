namespace DataJoint;

/// <summary>An insert collided with an existing primary key or unique index (MySQL 1062, PostgreSQL 23505).</summary>
public class DuplicateKeyException : QueryException
{
    /// <summary>Creates the exception with a message.</summary>
    public DuplicateKeyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DuplicateKeyException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public DuplicateKeyException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
