namespace DataJoint;

/// <summary>
/// The server could not be reached, refused the login, or the connection was lost (the session was killed, the server
/// shut down or restarted). The message names the backend, host and port (never credentials); the driver's error is the
/// <see cref="Exception.InnerException"/>. Work of a transaction whose connection was lost is rolled back by the server.
/// </summary>
public class LostConnectionException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public LostConnectionException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LostConnectionException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public LostConnectionException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }

    /// <summary>Set when nothing of a transaction had run on the lost connection, so running the operation again on a new one is safe.</summary>
    internal bool Reconnectable { get; set; }
}
