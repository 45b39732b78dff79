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

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeQuietly(Reader, Lease.Connection, sync: false).ConfigureAwait(false);
        await connection.DisposeQuietly(command, Lease.Connection, sync: false).ConfigureAwait(false);
        await connection.DisposeQuietly(Lease, sync: false).ConfigureAwait(false);
    }
}
