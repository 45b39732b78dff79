namespace DataJoint;

/// <summary>A table that a query or operation needs does not exist (MySQL 1146, PostgreSQL 42P01).</summary>
public class MissingTableException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public MissingTableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MissingTableException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public MissingTableException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
