namespace DataJoint;

/// <summary>Global state (the Dj class) was used while thread-safe mode (DJ_THREAD_SAFE) is on; use an Instance instead.</summary>
public class ThreadSafetyException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public ThreadSafetyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ThreadSafetyException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public ThreadSafetyException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
