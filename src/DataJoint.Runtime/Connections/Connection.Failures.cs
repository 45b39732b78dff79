using System.Data;
using System.Data.Common;

namespace DataJoint;

public sealed partial class Connection
{
    /// <summary>Whether an exception is a database failure this connection translates (the others pass through unchanged).</summary>
    internal bool IsFailure(Exception exception, DbConnection? connection) => exception is DbException || IsLost(exception, connection);

    /// <summary>
    /// Whether an exception means the session is gone: as the backend recognises its errors, or any driver complaint about
    /// a connection that is no longer open (MySqlConnector: "Connection must be Open; current state is Broken"; Npgsql: a
    /// disposed transaction). A DataJoint error raised while reading rows is never one (a stored object that is missing has
    /// a file's IOException as its cause, which MySQL's driver would mean by a closed socket).
    /// </summary>
    internal bool IsLost(Exception exception, DbConnection? connection) =>
        exception is LostConnectionException
        || (exception is not DataJointException && Adapter.MeansConnectionLost(exception))
        || (connection is not null && connection.State != ConnectionState.Open
            && exception is InvalidOperationException or ObjectDisposedException or DbException);

    /// <summary>
    /// The exception for a failed statement. A lost connection also clears the pool (its other idle connections are
    /// probably dead too) and decides whether running again is safe: outside a transaction, or when nothing of the current
    /// transaction had run yet (it is begun again on a new connection); otherwise the transaction is marked lost.
    /// </summary>
    internal async ValueTask<Exception> Fail(Exception exception, string context, DbConnection? connection, Transaction? transaction,
        bool firstUse, bool sync)
    {
        if (!IsLost(exception, connection)) return exception is DbException db ? Adapter.Translate(db, context) : exception;
        var lost = Lost(exception, context, transaction is not null);
        if (_held.Value is { } held && ReferenceEquals(held.DbConnection, connection)) held.Break();
        if (connection is not null)
        {
            try
            {
                await Adapter.ClearPool(_dataSource, connection, sync).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
            {
                // Clearing is an optimisation; a dead connection is dropped by the pool anyway when it is returned.
            }
        }

        var reconnect = Config.Database.Reconnect;
        if (transaction is null)
        {
            lost.Reconnectable = reconnect;
        }
        else if (reconnect && firstUse)
        {
            await transaction.Reset(sync).ConfigureAwait(false);
            lost.Reconnectable = true;
        }
        else
        {
            transaction.MarkLost(lost);
        }

        return lost;
    }

    /// <summary>A <see cref="LostConnectionException"/> naming the server, with the driver's error as the inner exception.</summary>
    internal LostConnectionException Lost(Exception exception, string context, bool inTransaction)
    {
        if (exception is LostConnectionException { Reconnectable: false } already && already.Message.Contains(Description, StringComparison.Ordinal))
        {
            return already;
        }

        var driver = exception is DataJointException { InnerException: { } inner } ? inner : exception;
        var code = (exception as DataJointException)?.ServerErrorCode;
        var where = inTransaction ? " during a transaction (the server rolled its work back)" : "";
        return new LostConnectionException($"{context}: the connection to the {Description} was lost{where}: {driver.Message}", driver, code);
    }

    /// <summary>Runs an attempt, and with <c>database.reconnect</c> once more when it failed on a dead connection that may be replaced.</summary>
    internal ValueTask<T> Retrying<T>(Func<bool, CancellationToken, ValueTask<T>> attempt, bool sync, CancellationToken cancellationToken)
    {
        if (!Config.Database.Reconnect) return attempt(sync, cancellationToken);
        if (sync)
        {
            // The first attempt runs directly: the retry pipeline is entered only once a connection turned out dead.
            try
            {
                return new ValueTask<T>(SyncOrAsync.Wait(attempt(true, CancellationToken.None)));
            }
            catch (LostConnectionException lost) when (lost.Reconnectable)
            {
                return new ValueTask<T>(TransientRetry.ReconnectAgain.Execute(() => SyncOrAsync.Wait(attempt(true, CancellationToken.None))));
            }
        }

        return RetryingAsync(attempt, cancellationToken);
    }

    private static async ValueTask<T> RetryingAsync<T>(Func<bool, CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await attempt(false, cancellationToken).ConfigureAwait(false);
        }
        catch (LostConnectionException lost) when (lost.Reconnectable)
        {
            return await TransientRetry.ReconnectAgain.ExecuteAsync(token => attempt(false, token), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes a driver object; on a connection that is no longer open its complaints are dropped (the error that counts is already on its way).</summary>
    internal async ValueTask DisposeQuietly<T>(T? resource, DbConnection? connection, bool sync)
        where T : IDisposable, IAsyncDisposable
    {
        if (resource is null) return;
        try
        {
            if (sync) resource.Dispose();
            else await resource.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsLost(ex, connection) || connection is { State: not ConnectionState.Open })
        {
        }
    }

    internal ValueTask DisposeQuietly(DbConnection? connection, bool sync) => DisposeQuietly(connection, connection, sync);

    internal ValueTask DisposeQuietly(ConnectionLease lease, bool sync) => DisposeQuietly(lease, lease.Connection, sync);
}
