namespace DataJoint.Cli;

/// <summary>
/// Turns what a command threw into the one line the tool prints and the exit code it ends with: a script sees a stable code,
/// a person sees what failed and how to fix it, nobody sees a stack trace.
/// </summary>
internal static class Failures
{
    public static (string Message, int ExitCode) Explain(Exception exception) => exception switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        OperationCanceledException => ("Cancelled.", ExitCodes.Cancelled),
        LostConnectionException lost => (lost.Message + " Check --host/--port (or DJ_HOST/DJ_PORT, database.host/port in datajoint.json) and that the server runs.",
            ExitCodes.Connection),
        AccessException access => (access.Message + " Pass --user/--password (or DJ_USER/DJ_PASS, .secrets/database.user and database.password).",
            ExitCodes.Connection),
        ConfigurationException configuration => (configuration.Message, ExitCodes.Connection),
        MissingTableException missing => (missing.Message, ExitCodes.NotFound),
        DataJointException dataJoint => (dataJoint.Message, ExitCodes.Failed),
        ArgumentException argument => (argument.Message, ExitCodes.Usage),
        InvalidOperationException invalid => (invalid.Message, ExitCodes.Failed),
        IOException or UnauthorizedAccessException => (exception.Message, ExitCodes.Failed),
        _ => ($"Unexpected {exception.GetType().Name}: {exception.Message}", ExitCodes.Failed),
    };

    /// <summary>The message on one line: server messages may carry line breaks.</summary>
    public static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
