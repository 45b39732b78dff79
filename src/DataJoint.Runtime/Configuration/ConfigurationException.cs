namespace DataJoint;

/// <summary>
/// A configuration source (an environment variable, <c>datajoint.json</c> or a secrets file) holds a value
/// that cannot be used. The message names the source and the key, never a credential.
/// </summary>
public class ConfigurationException : DataJointException
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ConfigurationException(string message, Exception? innerException) : base(message, innerException) { }
}
