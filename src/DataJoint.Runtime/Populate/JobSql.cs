using System.Globalization;

namespace DataJoint;

/// <summary>
/// The few server expressions the job table needs (clock, session id, user). They differ per backend (feature map
/// §14); kept here rather than in <see cref="BackendAdapter"/> because only the job table uses them.
/// </summary>
internal static class JobSql
{
    /// <summary>The server's current time as the job table's <c>datetime(3)</c> columns store it.</summary>
    public static string Now(Backend backend) => backend == Backend.PostgreSql ? "LOCALTIMESTAMP(3)" : "CURRENT_TIMESTAMP(3)";

    /// <summary>
    /// The server time shifted by <paramref name="seconds"/> (negative: in the past). Only numbers from settings or
    /// arguments go into the text, formatted invariantly.
    /// </summary>
    public static string NowPlus(Backend backend, double seconds)
    {
        if (backend == Backend.PostgreSql)
        {
            return $"(LOCALTIMESTAMP(3) + ({seconds.ToString("R", CultureInfo.InvariantCulture)}) * INTERVAL '1 second')";
        }

        var microseconds = (long)Math.Round(seconds * 1_000_000);
        return $"(CURRENT_TIMESTAMP(3) + INTERVAL {microseconds.ToString(CultureInfo.InvariantCulture)} MICROSECOND)";
    }

    /// <summary>The id of the server session running the statement.</summary>
    public static string ConnectionId(Backend backend) => backend == Backend.PostgreSql ? "pg_backend_pid()" : "CONNECTION_ID()";

    /// <summary>The database user running the statement.</summary>
    public static string CurrentUser(Backend backend) => backend == Backend.PostgreSql ? "current_user" : "USER()";
}
