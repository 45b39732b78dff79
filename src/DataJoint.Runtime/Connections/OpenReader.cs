using System.Data.Common;

namespace DataJoint;

/// <summary>A reader being streamed, with the command and the borrowed connection it needs until the last row.</summary>
internal sealed class OpenReader(Connection connection, ConnectionLease lease, DbCommand command, DbDataReader reader, Transaction? transaction)
    : IAsyncDisposable
{
    public ConnectionLease Lease { get; } = lease;

    public DbDataReader Reader { get; } = reader;

    /// <summary>The transaction the rows are read in, if any.</summary>
    public Transaction? Transaction { get; } = transaction;

    public ValueTask DisposeAsync() => Close(sync: false);

    /// <summary>Closes the reader and the command and returns the connection, synchronously or not.</summary>
    public async ValueTask Close(bool sync)
    {
        await connection.DisposeQuietly(Reader, Lease.Connection, sync).ConfigureAwait(false);
        await connection.DisposeQuietly(command, Lease.Connection, sync).ConfigureAwait(false);
        await connection.DisposeQuietly(Lease, sync).ConfigureAwait(false);
    }
}
