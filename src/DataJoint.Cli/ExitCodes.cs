namespace DataJoint.Cli;

/// <summary>What `dotnet dj` exits with, so scripts can tell failures apart (docs/cli.md#exit-codes).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The database or the runtime refused the operation (a definition error, an alter refused, a server error).</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>No connection: the server cannot be reached, refused the credentials, or the connection settings are incomplete or invalid.</summary>
    public const int Connection = 3;

    /// <summary>The schema, table or class named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
