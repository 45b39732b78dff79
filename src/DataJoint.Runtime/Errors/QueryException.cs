namespace DataJoint;

/// <summary>A statement failed on the server (DataJoint's QueryError).</summary>
public class QueryException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public QueryException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public QueryException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public QueryException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
