namespace DataJoint.Cli;

/// <summary>A failure the tool explains in one line (what is wrong and what to do), with the exit code it ends with.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;
}
