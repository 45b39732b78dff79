using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace DataJoint;

/// <summary>
/// A connection as DataJoint opens it: foreign keys enforced and a busy timeout on every open, the catalog prepared on the
/// data source's first open, and the session functions the job table calls. A session id is the process id, the number of
/// the connection's data source and a counter, so a reservation can be judged from any process: its worker is gone when
/// that process has exited or, in this process, when that data source (its instance) was disposed.
/// </summary>
internal sealed class SqliteSessionConnection : SqliteConnection
{
    /// <summary>SQL function returning this connection's session id.</summary>
    public const string SessionIdFunction = "dj_session_id";

    /// <summary>SQL function (one argument: a session id) true when the process of that session is no longer running.</summary>
    public const string SessionGoneFunction = "dj_session_gone";

    private const int CounterBits = 20;
    private const int ProcessShift = CounterBits + SqliteDataSource.NumberBits;
    private static int _counter;
    private readonly SqliteDataSource _source;

    public SqliteSessionConnection(SqliteDataSource source, string connectionString) : base(connectionString)
    {
        _source = source;
        SessionId = ((long)Environment.ProcessId << ProcessShift) | ((long)source.Number << CounterBits)
            | (uint)(Interlocked.Increment(ref _counter) & ((1 << CounterBits) - 1));
        CreateFunction(SessionIdFunction, () => SessionId);
        CreateFunction<long, bool>(SessionGoneFunction, SessionGone);
    }

    public long SessionId { get; }

    public override void Open()
    {
        base.Open();
        try
        {
            using (var command = CreateCommand())
            {
                command.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {_source.BusyTimeoutMilliseconds}";
                command.ExecuteNonQuery();
            }

            _source.PrepareOnce(this);
        }
        catch
        {
            Close();
            throw;
        }
    }

    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        // The engine is in-process: opening is a file open, done synchronously.
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    private static bool SessionGone(long sessionId)
    {
        var processId = (int)(sessionId >> ProcessShift);
        if (processId == Environment.ProcessId) return !SqliteDataSource.IsOpen((int)(sessionId >> CounterBits) & ((1 << SqliteDataSource.NumberBits) - 1));
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
