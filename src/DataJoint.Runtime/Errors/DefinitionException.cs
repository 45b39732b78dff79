namespace DataJoint;

/// <summary>A table definition is invalid or does not match the table in the database.</summary>
public class DefinitionException : DataJointException
{
    /// <summary>Creates the exception with a message.</summary>
    public DefinitionException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DefinitionException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause and the server's error code.</summary>
    public DefinitionException(string message, Exception? innerException, string? serverErrorCode)
        : base(message, innerException, serverErrorCode) { }
}
