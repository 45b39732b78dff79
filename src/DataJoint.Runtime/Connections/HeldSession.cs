namespace DataJoint;

/// <summary>
/// A pooled connection held open for as long as a populate worker runs, so its server session id marks the worker's job
/// reservations: while the worker lives the session exists; when the process dies or the server restarts it is gone, and
/// the reservations can be reclaimed (<see cref="JobTable.Reclaim"/>).
/// </summary>
internal sealed class HeldSession : IAsyncDisposable
{
    private readonly Connection _connection;
    private readonly ConnectionLease _lease;

    private HeldSession(Connection connection, ConnectionLease lease, long id)
    {
        _connection = connection;
        _lease = lease;
        Id = id;
    }

    /// <summary>The server's id of the session (DataJoint's <c>connection_id</c>).</summary>
    public long Id { get; }

    /// <summary>Opens a pooled connection and reads its session id (a round trip, so a dead pooled connection is replaced first).</summary>
    public static ValueTask<HeldSession> Open(Connection connection, bool sync, CancellationToken cancellationToken) =>
        connection.Retrying(async (s, token) =>
        {
            var lease = new ConnectionLease(await connection.OpenPooled(s, token).ConfigureAwait(false), null, owned: true);
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

    public ValueTask DisposeAsync() => _connection.DisposeQuietly(_lease, sync: false);

    /// <summary>Returns the connection to the pool (synchronously or not).</summary>
    public ValueTask Dispose(bool sync) => _connection.DisposeQuietly(_lease, sync);
}
