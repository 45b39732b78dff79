using System.Data.Common;
using System.Net.Sockets;
using MySqlConnector;

namespace DataJoint;

internal sealed partial class MySqlAdapter
{
    // 2006 server gone, 2013 lost during query, 1927 connection killed (MariaDB), 4031 disconnected by the server
    // (MySQL 8), 1053 server shutdown, 1152 aborted connection, 2055 lost at a system call.
    public override bool MeansConnectionLost(Exception exception) => exception switch
    {
        MySqlException m => (int)m.ErrorCode is 2006 or 2013 or 1927 or 4031 or 1053 or 1152 or 2055
            || m.ErrorCode == MySqlErrorCode.UnableToConnectToHost
            || (m.InnerException is { } inner && MeansConnectionLost(inner)),
        // The driver's end-of-stream error is an IOException: the server closed the socket.
        IOException or SocketException => true,
        _ => exception.InnerException is { } inner && MeansConnectionLost(inner),
    };

    // MySqlConnector cannot clear a data source's pool (ClearPool reaches only pools named by a connection string); a
    // dead pooled connection is dropped when its failed lease returns, so each retry of TransientRetry.ReconnectAgain uses up one.
    public override ValueTask ClearPool(DbDataSource dataSource, DbConnection connection, bool sync) => ValueTask.CompletedTask;

    // START TRANSACTION is sent by BeginTransaction itself.
    public override bool DefersBegin => false;

    // MySqlConnector's BeginTransaction sends SET SESSION TRANSACTION ISOLATION LEVEL and START TRANSACTION as two round
    // trips. DataJoint sends the one statement below and relies on the server's default isolation (REPEATABLE READ).
    public override ValueTask<DbTransaction> BeginTransaction(DbConnection connection, bool sync, CancellationToken cancellationToken) =>
        MySqlStatementTransaction.Begin((MySqlConnection)connection, sync, cancellationToken);

    public override DbTransaction? CommandTransaction(DbTransaction transaction) =>
        transaction is MySqlStatementTransaction ? null : transaction;

    public override string LiveSessionIds => "SELECT ID FROM information_schema.PROCESSLIST";

    // Without the PROCESS privilege the process list shows only this account's sessions, so only reservations made by
    // this user are judged by it. UPTIME has whole seconds: a second of margin keeps a reservation made just after the
    // start from looking older than the start.
    public override string ReservationSessionGone(string connectionIdColumn, string userColumn, string reservedTimeColumn) =>
        $"({reservedTimeColumn} < CURRENT_TIMESTAMP(3) - INTERVAL (SELECT VARIABLE_VALUE + 1 FROM information_schema.GLOBAL_STATUS "
        + $"WHERE VARIABLE_NAME = 'UPTIME') SECOND OR ({userColumn} = USER() AND {connectionIdColumn} NOT IN ({LiveSessionIds})))";
}
