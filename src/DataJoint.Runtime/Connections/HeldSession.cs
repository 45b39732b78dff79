using System.Data;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// A pooled connection held open for as long as a populate worker runs. While the worker's flow holds it
/// (<see cref="Connection.Hold"/>), every statement and transaction of that flow runs on it, as DataJoint-Python runs a
/// worker on its one connection: no pool checkout, session reset or connection probe per key. With job reservations its
/// server session id also marks the worker's reservations: while the worker lives the session exists; when the process
/// dies or the server restarts it is gone, and the reservations can be reclaimed (<see cref="JobTable.Reclaim"/>).
/// </summary>
internal sealed class HeldSession : IAsyncDisposable
{
    private readonly Connection _connection;
    private readonly ConnectionLease _lease;
    private bool _released;

    private HeldSession(Connection connection, ConnectionLease lease, long id)
    {
        _connection = connection;
        _lease = lease;
        Id = id;
    }

    /// <summary>The server's id of the session (DataJoint's <c>connection_id</c>); 0 when it was not read.</summary>
    public long Id { get; }

    /// <summary>The held driver connection.</summary>
    public DbConnection DbConnection => _lease.Connection;

    /// <summary>False once returned, or once a statement found the connection dead (<see cref="Break"/>).</summary>
    public bool IsUsable => !_released && _lease.Connection.State == ConnectionState.Open;

    /// <summary>
    /// Opens a pooled connection; with <paramref name="identify"/> reads its session id (a round trip, so a dead pooled
    /// connection is replaced first). Without it a dead pooled connection is found by the first statement, which then runs
    /// on a new connection (<see cref="Connection.Fail"/> breaks the hold).
    /// </summary>
    public static ValueTask<HeldSession> Open(Connection connection, bool identify, bool sync, CancellationToken cancellationToken) =>
        connection.Retrying(async (s, token) =>
        {
            var lease = new ConnectionLease(await connection.OpenPooled(s, token).ConfigureAwait(false), null, owned: true);
            if (!identify) return new HeldSession(connection, lease, 0);
            try
            {
                await using var command = lease.Connection.CreateCommand();
                command.CommandText = "SELECT " + connection.Adapter.SessionId;
                var value = s ? command.ExecuteScalar() : await command.ExecuteScalarAsync(token).ConfigureAwait(false);
                return new HeldSession(connection, lease, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (connection.IsFailure(ex, lease.Connection))
            {
                var failure = await connection.Fail(ex, "Opening a worker session", lease.Connection, transaction: null, firstUse: true, s)
                    .ConfigureAwait(false);
                await connection.DisposeQuietly(lease, s).ConfigureAwait(false);
                throw failure;
            }
        }, sync, cancellationToken);

    /// <summary>Stops handing out a connection found dead; the flow's next statements take pooled connections.</summary>
    public void Break() => _released = true;

    public ValueTask DisposeAsync() => Dispose(sync: false);

    /// <summary>Returns the connection to the pool (synchronously or not).</summary>
    public ValueTask Dispose(bool sync)
    {
        _released = true;
        return _connection.DisposeQuietly(_lease, sync);
    }
}
