using System.Data;
using System.Data.Common;
using MySqlConnector;

namespace DataJoint;

/// <summary>
/// A transaction begun with DataJoint's own <c>START TRANSACTION WITH CONSISTENT SNAPSHOT</c> (one round trip) and ended
/// with <c>COMMIT</c>/<c>ROLLBACK</c>. The driver does not track it, so its commands carry no transaction object
/// (<see cref="MySqlAdapter.CommandTransaction"/>); disposing it unfinished rolls back, as a driver transaction does.
/// </summary>
internal sealed class MySqlStatementTransaction : DbTransaction
{
    private readonly MySqlConnection _connection;
    private bool _finished;

    private MySqlStatementTransaction(MySqlConnection connection) => _connection = connection;

    public override IsolationLevel IsolationLevel => IsolationLevel.RepeatableRead;

    protected override DbConnection DbConnection => _connection;

    public static async ValueTask<DbTransaction> Begin(MySqlConnection connection, bool sync, CancellationToken cancellationToken)
    {
        await Run(connection, "START TRANSACTION WITH CONSISTENT SNAPSHOT", sync, cancellationToken).ConfigureAwait(false);
        return new MySqlStatementTransaction(connection);
    }

    public override void Commit() => SyncOrAsync.Wait(End("COMMIT", sync: true, CancellationToken.None));

    public override Task CommitAsync(CancellationToken cancellationToken = default) => End("COMMIT", sync: false, cancellationToken).AsTask();

    public override void Rollback() => SyncOrAsync.Wait(End("ROLLBACK", sync: true, CancellationToken.None));

    public override Task RollbackAsync(CancellationToken cancellationToken = default) => End("ROLLBACK", sync: false, cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished && _connection.State == ConnectionState.Open) Rollback();
        _finished = true;
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_finished && _connection.State == ConnectionState.Open) await RollbackAsync().ConfigureAwait(false);
        _finished = true;
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask End(string statement, bool sync, CancellationToken cancellationToken)
    {
        if (_finished) throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        _finished = true;
        await Run(_connection, statement, sync, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask Run(MySqlConnection connection, string statement, bool sync, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(statement, connection);
        if (sync) command.ExecuteNonQuery();
        else await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
