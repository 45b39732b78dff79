using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Faults;

/// <summary>Ends server sessions as an administrator would (<c>KILL</c> on MySQL, <c>pg_terminate_backend</c> on PostgreSQL).</summary>
public sealed class SessionKiller(Backend backend, Instance admin)
{
    private bool MySql => backend == Backend.MySql;

    private string SessionIdExpression => MySql ? "CONNECTION_ID()" : "pg_backend_pid()";

    /// <summary>The session id of the connection the next statement on <paramref name="connection"/> runs on (the transaction's, inside one).</summary>
    public long SessionOf(Connection connection) => Convert.ToInt64(connection.Query($"SELECT {SessionIdExpression} AS id")[0]["id"]);

    /// <summary>The single session id a query over the server's session list returns.</summary>
    public long SessionOfQuery(string sql, params object?[] parameters) =>
        Convert.ToInt64(admin.Connection.Query(sql, parameters).Single()["id"]);

    public void Kill(long id)
    {
        if (MySql) admin.Connection.Execute($"KILL {id}");
        else admin.Connection.Query("SELECT pg_terminate_backend(CAST($1 AS integer)) AS done", id);
        WaitGone(id);
    }

    // SHOW PROCESSLIST rather than information_schema.PROCESSLIST: polling the latter while sessions were being killed
    // once crashed a MariaDB 10.11 server (signal 11 freeing the query's temporary table).
    public bool IsAlive(long id) => MySql
        ? admin.Connection.Query("SHOW PROCESSLIST").Any(r => Convert.ToInt64(r["Id"]) == id)
        : admin.Connection.Query("SELECT pid FROM pg_stat_activity WHERE pid = $1", id).Count > 0;

    private void WaitGone(long id)
    {
        for (var i = 0; i < 100 && IsAlive(id); i++) Thread.Sleep(20);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> while another session holds a row lock it will wait for, kills the operation's
    /// session once it waits (so the kill lands mid-operation, after its first statements), and returns what it threw.
    /// </summary>
    public async Task<Exception?> KillWhileBlocked(Func<Task> operation, Action<Connection> takeLock, string schemaName)
    {
        await using var tx = await admin.Connection.TransactionAsync();
        takeLock(admin.Connection);
        var running = Task.Run(operation);
        // Watched and killed from a session outside the lock holder's transaction: PostgreSQL shows a transaction one
        // snapshot of pg_stat_activity, taken at its first read, and the lock holder must run nothing more anyway.
        using var watcher = new Instance(admin.Config);
        var waiting = MySql
            ? "SELECT trx_mysql_thread_id AS id FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE @p0"
            : "SELECT pid AS id FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1";
        // What the operation's sessions were doing, for the failure message: a wait on something other than a row lock
        // (a metadata lock behind another client's DDL, say) is invisible to the query above.
        var sessions = MySql
            ? "SELECT ID AS id, STATE AS state, INFO AS query FROM information_schema.PROCESSLIST WHERE INFO LIKE @p0 AND ID <> CONNECTION_ID()"
            : "SELECT pid AS id, wait_event_type || '/' || coalesce(wait_event, '') AS state, query FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()";
        var seen = "";
        long? victim = null;
        // A deadline, not a number of polls: under a loaded CI machine each poll can take far longer than its pause.
        // MariaDB refreshes its INNODB_TRX snapshot only when it has not been read for 100 ms: polled faster, the view
        // stays as it was at the first poll — before the operation waited — and the wait is never seen.
        var pause = TimeSpan.FromMilliseconds(MySql ? 150 : 20);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nextLook = TimeSpan.FromSeconds(1);
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && victim is null && !running.IsCompleted)
        {
            var rows = await watcher.Connection.QueryAsync(waiting, ["%" + schemaName + "%"]);
            if (rows.Count > 0) victim = Convert.ToInt64(rows[0]["id"]);
            else await Task.Delay(pause);
            if (victim is null && clock.Elapsed > nextLook)
            {
                nextLook = clock.Elapsed + TimeSpan.FromSeconds(2);
                seen = $"at {clock.Elapsed.TotalSeconds:F0} s: " + string.Join(" | ",
                    (await watcher.Connection.QueryAsync(sessions, ["%" + schemaName + "%"])).Select(r => $"{r["id"]} [{r["state"]}] {r["query"]}"));
            }
        }

        if (victim is null && running.IsCompleted) Assert.Fail($"the operation ended before it waited for the lock ({seen}): {running.Exception}");
        if (victim is null) Assert.Fail($"the operation never waited for the lock within {clock.Elapsed.TotalSeconds:F0} s ({seen})");

        new SessionKiller(backend, watcher).Kill(victim!.Value);
        try
        {
            await running;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>Checks the promise: a <see cref="LostConnectionException"/> naming backend, host and port, never the password, with the driver's error inside.</summary>
    public static void AssertLost(Exception? exception, TestServer server)
    {
        Assert.That(exception, Is.InstanceOf<LostConnectionException>(), () => exception?.ToString() ?? "nothing was thrown");
        var message = exception!.Message;
        Assert.That(message, Does.Contain($"{server.Host}:{server.Port}"));
        Assert.That(message, Does.Contain(server.Backend.ToString()));
        Assert.That(message, Does.Not.Contain("Password=").And.Not.Contain("password=" + server.Password));
        Assert.That(exception.InnerException, Is.Not.Null.And.Not.InstanceOf<DataJointException>(), "the driver's own error is the inner exception");
    }
}
