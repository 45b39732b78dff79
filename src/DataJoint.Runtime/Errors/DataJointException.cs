namespace DataJoint;

/// <summary>
/// Base of every error DataJoint raises. Driver exceptions are kept as <see cref="Exception.InnerException"/>;
/// <see cref="ServerErrorCode"/> carries the server's code (MySQL error number or PostgreSQL SQLSTATE) when there is one.
/// </summary>
public class DataJointException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public DataJointException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public DataJointException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates an exception with a message, its cause and the server's error code.</summary>
    public DataJointException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException) => ServerErrorCode = serverErrorCode;

    /// <summary>The server's error code (MySQL error number or PostgreSQL SQLSTATE), when the error came from the server.</summary>
    public string? ServerErrorCode { get; }
}
