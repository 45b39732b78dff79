using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DataJoint;

/// <summary>
/// Sessions on SQLite: no server, so a session is one connection object of one process. Its id carries the process id
/// and its data source's number (<see cref="SqliteSessionConnection"/>), which is how a reservation's worker is found gone:
/// its process exited, or its instance in this process was disposed.
/// </summary>
internal sealed partial class SqliteAdapter
{
    // SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_NOTADB: the file went away or is not a database any more.
    public override bool MeansConnectionLost(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode is 14 or 10 or 26,
        _ => exception.InnerException is { } inner && MeansConnectionLost(inner),
    };

    public override ValueTask ClearPool(DbDataSource dataSource, DbConnection connection, bool sync)
    {
        SqliteConnection.ClearPool((SqliteConnection)connection);
        return ValueTask.CompletedTask;
    }

    public override bool DefersBegin => false;

    // BEGIN IMMEDIATE: the write lock is taken at the start, so two processes never both read and then fail to upgrade;
    // a waiting transaction waits for the busy timeout instead of failing at once (job reservations rely on this).
    public override ValueTask<DbTransaction> BeginTransaction(DbConnection connection, bool sync, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public override string LiveSessionIds => "SELECT " + SessionId;

    public override string ReservationSessionGone(string connectionIdColumn, string userColumn, string reservedTimeColumn) =>
        $"{SqliteSessionConnection.SessionGoneFunction}({connectionIdColumn})";
}
