namespace DataJoint;

/// <summary>The server could not be reached, refused the login, or the connection was lost.</summary>
public class LostConnectionException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public LostConnectionException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LostConnectionException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public LostConnectionException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
