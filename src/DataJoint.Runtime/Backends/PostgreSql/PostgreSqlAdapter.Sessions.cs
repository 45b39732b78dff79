using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace DataJoint;

internal sealed partial class PostgreSqlAdapter
{
    // Class 08 connection exceptions; 57P01-57P03 the session was terminated (pg_terminate_backend, shutdown, restart).
    public override bool MeansConnectionLost(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03",
        IOException or SocketException => true,
        _ => exception.InnerException is { } inner && MeansConnectionLost(inner),
    };

    public override ValueTask ClearPool(DbDataSource dataSource, DbConnection connection, bool sync)
    {
        ((NpgsqlDataSource)dataSource).Clear();
        return ValueTask.CompletedTask;
    }

    // Npgsql sends BEGIN with the transaction's first command.
    public override bool DefersBegin => true;

    public override string LiveSessionIds => "SELECT pid FROM pg_stat_activity";

    // Every session's pid is visible to every user in pg_stat_activity; the start time is exact.
    public override string ReservationSessionGone(string connectionIdColumn, string userColumn, string reservedTimeColumn) =>
        $"({reservedTimeColumn} < CAST(pg_postmaster_start_time() AS timestamp(3)) OR {connectionIdColumn} NOT IN ({LiveSessionIds}))";
}
