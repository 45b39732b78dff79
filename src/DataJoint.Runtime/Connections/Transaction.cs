using System.Data;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// A transaction on one <see cref="DataJoint.Connection"/>, ambient for the async flow that started it.
/// Call <see cref="Commit"/> to keep the work; disposing without committing rolls it back.
/// </summary>
public sealed class Transaction : IDisposable, IAsyncDisposable
{
    private readonly Connection _connection;
    private DbConnection? _dbConnection;
    private DbTransaction? _dbTransaction;
    private bool _finished;

    internal Transaction(Connection connection) => _connection = connection;

    internal bool IsActive => !_finished;

    internal DbConnection DbConnection => _dbConnection ?? throw new InvalidOperationException("The transaction has not begun.");

    internal DbTransaction? DbTransaction => _dbTransaction;

    internal void Begin()
    {
        _dbConnection = _connection.OpenRaw();
        try
        {
            _dbTransaction = _dbConnection.BeginTransaction(IsolationLevel.RepeatableRead);
        }
        catch (DbException ex)
        {
            throw _connection.Adapter.Translate(ex, "Starting a transaction");
        }
    }

    internal async ValueTask<Transaction> BeginAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureBegunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return this;
    }

    internal async ValueTask EnsureBegunAsync(CancellationToken cancellationToken)
    {
        if (_dbConnection is not null) return;
        _dbConnection = await _connection.OpenRawAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _dbTransaction = await _dbConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw _connection.Adapter.Translate(ex, "Starting a transaction");
        }
    }

    /// <summary>Commits the work done in this transaction.</summary>
    public void Commit()
    {
        ThrowIfFinished();
        try
        {
            _dbTransaction!.Commit();
        }
        catch (DbException ex)
        {
            throw _connection.Adapter.Translate(ex, "Committing a transaction");
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Asynchronous <see cref="Commit"/>.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        try
        {
            await _dbTransaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw _connection.Adapter.Translate(ex, "Committing a transaction");
        }
        finally
        {
            await FinishAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Rolls back the work done in this transaction.</summary>
    public void Rollback()
    {
        if (_finished) return;
        try
        {
            _dbTransaction?.Rollback();
        }
        finally
        {
            Finish();
        }
    }

    private void ThrowIfFinished()
    {
        if (_finished) throw new DataJointException("The transaction has already been committed or rolled back.");
    }

    private void Finish()
    {
        _finished = true;
        _dbTransaction?.Dispose();
        _dbConnection?.Dispose();
    }

    private async ValueTask FinishAsync()
    {
        _finished = true;
        if (_dbTransaction is not null) await _dbTransaction.DisposeAsync().ConfigureAwait(false);
        if (_dbConnection is not null) await _dbConnection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose() => Rollback();

    /// <summary>Rolls back unless committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        try
        {
            if (_dbTransaction is not null) await _dbTransaction.RollbackAsync().ConfigureAwait(false);
        }
        finally
        {
            await FinishAsync().ConfigureAwait(false);
        }
    }
}
