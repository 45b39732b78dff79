using System.Data;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// A transaction on one <see cref="DataJoint.Connection"/>, ambient for the async flow that started it.
/// Call <see cref="Commit"/> to keep the work; disposing without committing rolls it back. When the connection is lost
/// inside the transaction, its statements and <see cref="Commit"/> throw <see cref="LostConnectionException"/> and
/// disposing it is quiet (the server rolled the work back when the session ended).
/// </summary>
public sealed class Transaction : IDisposable, IAsyncDisposable
{
    private readonly Connection _connection;
    private DbConnection? _dbConnection;
    private DbTransaction? _dbTransaction;
    private HeldSession? _held;
    private bool _finished;
    private bool _lost;
    private LostConnectionException? _lostBy;
    private int _uses;

    internal Transaction(Connection connection) => _connection = connection;

    internal bool IsActive => !_finished;

    internal DbConnection DbConnection => _dbConnection ?? throw new InvalidOperationException("The transaction has not begun.");

    internal DbTransaction? DbTransaction => _dbTransaction;

    /// <summary>What the transaction's commands carry (<see cref="BackendAdapter.CommandTransaction"/>).</summary>
    internal DbTransaction? CommandTransaction => _dbTransaction is null ? null : _connection.Adapter.CommandTransaction(_dbTransaction);

    /// <summary>How many operations have borrowed the transaction's connection since it began.</summary>
    internal int Uses => _uses;

    internal void Used() => _uses++;

    /// <summary>The connection was lost after work of this transaction had run: nothing more can run in it.</summary>
    internal void MarkLost(LostConnectionException lost)
    {
        _lost = true;
        _lostBy ??= lost;
    }

    internal void Begin() => SyncOrAsync.Wait(BeginCore(sync: true, CancellationToken.None));

    internal async ValueTask<Transaction> BeginAsync(CancellationToken cancellationToken)
    {
        await BeginCore(sync: false, cancellationToken).ConfigureAwait(false);
        return this;
    }

    private async ValueTask BeginCore(bool sync, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureBegun(sync, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await FinishCore(sync).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Begins on the flow's held session (<see cref="Connection.Hold"/>) or a pooled connection unless begun already (again
    /// after <see cref="Reset"/>); a dead connection is replaced by a pooled one (reconnect).
    /// </summary>
    internal async ValueTask EnsureBegun(bool sync, CancellationToken cancellationToken)
    {
        ThrowIfLost("Running a statement");
        if (_dbConnection is not null) return;
        await _connection.Retrying(async (s, token) =>
        {
            var held = _connection.Held;
            var connection = held?.DbConnection ?? await _connection.OpenPooled(s, token).ConfigureAwait(false);
            try
            {
                _dbTransaction = await _connection.Adapter.BeginTransaction(connection, s, token).ConfigureAwait(false);
                // A held connection ran the worker's last statement; only one fresh from the pool needs the probe.
                if (held is null && _connection.Adapter.DefersBegin && _connection.Config.Database.Reconnect)
                {
                    // Find a dead pooled connection now, while beginning again elsewhere is still safe.
                    await using var probe = connection.CreateCommand();
                    probe.CommandText = "SELECT 1";
                    probe.Transaction = _dbTransaction;
                    if (s) probe.ExecuteNonQuery();
                    else await probe.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                _dbConnection = connection;
                _held = held;
                _uses = 0;
                return true;
            }
            catch (Exception ex) when (_connection.IsFailure(ex, connection))
            {
                var failure = await _connection.Fail(ex, "Starting a transaction", connection, transaction: null, firstUse: true, s).ConfigureAwait(false);
                await _connection.DisposeQuietly(_dbTransaction, connection, s).ConfigureAwait(false);
                _dbTransaction = null;
                if (held is null) await _connection.DisposeQuietly(connection, s).ConfigureAwait(false);
                throw failure;
            }
        }, sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops a dead connection on which nothing of the transaction had run; the next statement begins it again.</summary>
    internal async ValueTask Reset(bool sync)
    {
        await ReleaseConnection(sync).ConfigureAwait(false);
        _dbTransaction = null;
        _dbConnection = null;
        _uses = 0;
    }

    /// <summary>Commits the work done in this transaction.</summary>
    public void Commit() => SyncOrAsync.Wait(CommitCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Commit"/>.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) => CommitCore(sync: false, cancellationToken).AsTask();

    private async ValueTask CommitCore(bool sync, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        try
        {
            ThrowIfLost("Committing a transaction");
            if (_dbTransaction is null) return;
            if (sync) _dbTransaction.Commit();
            else await _dbTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not LostConnectionException && _connection.IsFailure(ex, _dbConnection))
        {
            if (!_connection.IsLost(ex, _dbConnection)) throw _connection.Adapter.Translate((DbException)ex, "Committing a transaction");
            _lost = true;
            throw _connection.Lost(ex, "Committing a transaction (if the connection broke during the commit itself, its outcome is unknown)",
                inTransaction: true);
        }
        finally
        {
            await FinishCore(sync).ConfigureAwait(false);
        }
    }

    /// <summary>Rolls back the work done in this transaction.</summary>
    public void Rollback() => SyncOrAsync.Wait(RollbackCore(sync: true));

    // On a lost connection there is nothing to roll back: the server did it when the session ended. Failing here would
    // replace the error that reported the loss.
    private async ValueTask RollbackCore(bool sync)
    {
        if (_finished) return;
        try
        {
            if (!_lost && _dbTransaction is not null && _dbConnection is { State: ConnectionState.Open })
            {
                if (sync) _dbTransaction.Rollback();
                else await _dbTransaction.RollbackAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (_connection.IsLost(ex, _dbConnection))
        {
        }
        finally
        {
            await FinishCore(sync).ConfigureAwait(false);
        }
    }

    private void ThrowIfFinished()
    {
        if (_finished) throw new InvalidOperationException("The transaction has already been committed or rolled back.");
    }

    private void ThrowIfLost(string context)
    {
        if (!_lost) return;
        throw new LostConnectionException($"{context}: the connection to the {_connection.Description} was lost during this transaction "
            + "(the server rolled its work back); dispose the transaction and run the work again.", _lostBy?.InnerException, _lostBy?.ServerErrorCode);
    }

    private async ValueTask FinishCore(bool sync)
    {
        _finished = true;
        await ReleaseConnection(sync).ConfigureAwait(false);
    }

    /// <summary>Ends the driver transaction (rolling back unless committed) and returns a pooled connection; a held one stays with its session.</summary>
    private async ValueTask ReleaseConnection(bool sync)
    {
        await _connection.DisposeQuietly(_dbTransaction, _dbConnection, sync).ConfigureAwait(false);
        if (_held is null) await _connection.DisposeQuietly(_dbConnection, sync).ConfigureAwait(false);
        _held = null;
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose() => Rollback();

    /// <summary>Rolls back unless committed.</summary>
    public ValueTask DisposeAsync() => RollbackCore(sync: false);
}
