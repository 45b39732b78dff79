namespace DataJoint;

/// <summary>
/// DataJoint's global pattern: one process-wide <see cref="Config"/> and a lazily created singleton
/// <see cref="Connection"/>. Convenient for scripts; services and tests should use <see cref="Instance"/>.
/// When the environment variable <c>DJ_THREAD_SAFE</c> is <c>true</c>, <c>1</c> or <c>yes</c> (read on every
/// call), every member that touches global state throws <see cref="ThreadSafetyException"/>; the overloads
/// that take an explicit <see cref="Connection"/> keep working.
/// </summary>
public static class Dj
{
    // The only mutable statics of the runtime: the documented global pattern.
    private static readonly Lock Gate = new();
    private static Config? s_config;
    private static Connection? s_connection;

    /// <summary>Whether thread-safe mode is on (<c>DJ_THREAD_SAFE</c> is true, 1 or yes, case-insensitive).</summary>
    public static bool ThreadSafeMode =>
        Environment.GetEnvironmentVariable("DJ_THREAD_SAFE")?.Trim().ToLowerInvariant() is "true" or "1" or "yes";

    /// <summary>The global configuration, loaded from DataJoint's sources on first use.</summary>
    /// <exception cref="ThreadSafetyException">Thread-safe mode is on.</exception>
    public static Config Config
    {
        get
        {
            Guard("Dj.Config");
            lock (Gate)
            {
                return s_config ??= Config.Load();
            }
        }
    }

    /// <summary>The global connection, created from <see cref="Config"/> on first use.</summary>
    /// <param name="reset">Close the current global connection and create a new one from the current settings.</param>
    /// <exception cref="ThreadSafetyException">Thread-safe mode is on.</exception>
    /// <exception cref="DataJointException">No user or password is configured.</exception>
    public static Connection Conn(bool reset = false)
    {
        Guard("Dj.Conn()");
        var config = Config;
        lock (Gate)
        {
            if (reset && s_connection is not null)
            {
                s_connection.Dispose();
                s_connection = null;
            }

            if (s_connection is not null) return s_connection;
            if (string.IsNullOrEmpty(config.Database.User) || !config.Database.HasPassword)
            {
                throw new DataJointException($"Dj.Conn() needs credentials for the {BackendAdapter.Describe(config.Database)}: set DJ_USER and DJ_PASS, "
                    + "datajoint.json (database.user, database.password) or .secrets/, or use new Instance(host, user, password).");
            }

            var connection = new Connection(config);
            try
            {
                connection.Ping();
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            return s_connection = connection;
        }
    }

    /// <summary>A schema on the global connection.</summary>
    /// <exception cref="ThreadSafetyException">Thread-safe mode is on; pass a connection or use an Instance.</exception>
    public static Schema Schema(string name, bool createSchema = true, bool? createTables = null)
    {
        Guard($"Dj.Schema(\"{name}\") without a connection");
        return SyncOrAsync.Wait(new Schema(Conn(), name, createTables).Open(createSchema, sync: true, CancellationToken.None));
    }

    /// <summary>A schema on an explicit connection (works in thread-safe mode).</summary>
    public static Schema Schema(string name, Connection connection, bool createSchema = true, bool? createTables = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return SyncOrAsync.Wait(new Schema(connection, name, createTables).Open(createSchema, sync: true, CancellationToken.None));
    }

    /// <summary>A table by full name on the global connection, heading read from the database.</summary>
    /// <exception cref="ThreadSafetyException">Thread-safe mode is on; pass a connection or use an Instance.</exception>
    public static FreeTable FreeTable(string fullTableName)
    {
        Guard($"Dj.FreeTable(\"{fullTableName}\") without a connection");
        return DataJoint.FreeTable.Open(Conn(), fullTableName);
    }

    /// <summary>A table by full name on an explicit connection (works in thread-safe mode), heading read from the database.</summary>
    public static FreeTable FreeTable(Connection connection, string fullTableName) => DataJoint.FreeTable.Open(connection, fullTableName);

    /// <summary>Forgets the global configuration and closes the global connection (they are recreated on next use).</summary>
    public static void Reset()
    {
        lock (Gate)
        {
            s_connection?.Dispose();
            s_connection = null;
            s_config = null;
        }
    }

    private static void Guard(string member)
    {
        if (ThreadSafeMode)
        {
            throw new ThreadSafetyException($"{member} uses global state, which thread-safe mode (DJ_THREAD_SAFE) disables. "
                + "Create an isolated connection with new Instance(host, user, password) and use instance.Schema(...) / instance.FreeTable(...), "
                + "or pass an explicit Connection.");
        }
    }
}
