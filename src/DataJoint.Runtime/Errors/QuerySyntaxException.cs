namespace DataJoint;

/// <summary>The server rejected a statement as malformed (MySQL 1064, PostgreSQL 42601).</summary>
public class QuerySyntaxException : QueryException
{
    /// <summary>Creates the exception with a message.</summary>
    public QuerySyntaxException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public QuerySyntaxException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public QuerySyntaxException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
