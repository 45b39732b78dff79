using System.Data.Common;

namespace DataJoint;

/// <summary>A borrowed driver connection: returned to the pool on dispose unless it belongs to a transaction.</summary>
internal readonly struct ConnectionLease : IDisposable, IAsyncDisposable
{
    private readonly bool _owned;

    public ConnectionLease(DbConnection connection, DbTransaction? transaction, bool owned)
    {
        Connection = connection;
        Transaction = transaction;
        _owned = owned;
    }

    public DbConnection Connection { get; }

    public DbTransaction? Transaction { get; }

    public void Dispose()
    {
        if (_owned) Connection.Dispose();
    }

    public ValueTask DisposeAsync() => _owned ? Connection.DisposeAsync() : ValueTask.CompletedTask;
}
