using System.Data.Common;

namespace DataJoint;

/// <summary>
/// Runs one database call synchronously or asynchronously, so an operation (declaring tables, populate, the job table)
/// is written once and stays truly synchronous in its synchronous entry point (the returned task is already complete
/// then), as MySqlConnector does with its IOBehavior. Transactions are not started here: the ambient transaction must
/// be set in the caller's own async flow.
/// </summary>
internal static class SyncOrAsync
{
    public static ValueTask<int> Execute(Connection connection, SqlStatement statement, string context, bool sync,
        CancellationToken cancellationToken) => connection.ExecuteCore(statement, context, sync, cancellationToken);

    /// <summary>
    /// Runs DDL statements as one unit: a single statement alone, several in one transaction (PostgreSQL's DDL is
    /// transactional, so nobody sees a table half declared or half altered).
    /// </summary>
    public static async ValueTask ExecuteAsUnit(Connection connection, IReadOnlyList<string> statements, string context, bool sync,
        CancellationToken cancellationToken)
    {
        if (statements.Count == 1)
        {
            await Execute(connection, new SqlStatement(statements[0], []), context, sync, cancellationToken).ConfigureAwait(false);
            return;
        }

        var transaction = await Begin(connection, sync, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var statement in statements)
            {
                await Execute(connection, new SqlStatement(statement, []), context, sync, cancellationToken).ConfigureAwait(false);
            }

            await Commit(transaction, sync, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Dispose(transaction, sync).ConfigureAwait(false);
        }
    }

    public static ValueTask<List<T>> ReadAll<T>(Connection connection, SqlStatement statement, string context, Func<DbDataReader, T> read,
        bool sync, CancellationToken cancellationToken) => connection.ReadAllCore(statement, context, read, sync, cancellationToken);

    public static ValueTask<T?> ReadScalar<T>(Connection connection, SqlStatement statement, string context, bool sync,
        CancellationToken cancellationToken) => connection.ReadScalarCore<T>(statement, context, sync, cancellationToken);

    // Not an async method: the ambient transaction must be set in the caller's execution context (an async method's own
    // context is restored when it returns, and the statements after it would run outside the transaction).
    public static ValueTask<Transaction> Begin(Connection connection, bool sync, CancellationToken cancellationToken) =>
        sync ? new ValueTask<Transaction>(connection.Transaction()) : connection.TransactionAsync(cancellationToken);

    public static async ValueTask Wait(SemaphoreSlim gate, bool sync, CancellationToken cancellationToken)
    {
        if (sync) gate.Wait(cancellationToken);
        else await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async ValueTask<bool> Exists(QueryExpression query, bool sync, CancellationToken cancellationToken) =>
        sync ? query.Exists() : await query.ExistsAsync(cancellationToken).ConfigureAwait(false);

    public static async ValueTask Commit(Transaction transaction, bool sync, CancellationToken cancellationToken)
    {
        if (sync) transaction.Commit();
        else await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async ValueTask Dispose(Transaction transaction, bool sync)
    {
        if (sync) transaction.Dispose();
        else await transaction.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The result of a call made with <c>sync: true</c> (complete already; falls back to blocking otherwise).</summary>
    public static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    /// <summary>Waits for a call made with <c>sync: true</c>.</summary>
    public static void Wait(ValueTask task)
    {
        if (task.IsCompletedSuccessfully) return;
        task.AsTask().GetAwaiter().GetResult();
    }
}
