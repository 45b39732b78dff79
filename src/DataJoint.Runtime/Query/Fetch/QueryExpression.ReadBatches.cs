using System.ComponentModel;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// Reads the rows in batches of at most <paramref name="batchSize"/>, each into a fresh <see cref="RowReader{TResult}"/> made
    /// by <paramref name="start"/>, and hands each batch's result out before the next rows are read: one statement, its rows
    /// read as the batches are asked for, so a result larger than memory can be processed. An empty result is one empty batch.
    /// The connection is held until the enumeration ends (dispose the enumerator to stop early).
    /// </summary>
    /// <exception cref="LostConnectionException">The connection was lost after the first batch (the rows cannot be resumed).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IEnumerable<TResult> ReadBatches<TResult>(Func<RowReader<TResult>> start, int batchSize, string? orderBy = null, int? limit = null,
        int? offset = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return Batches(new BatchCursor<TResult>(this, start, batchSize, orderBy, limit, offset));

        static IEnumerable<TResult> Batches(BatchCursor<TResult> cursor)
        {
            try
            {
                while (SyncOrAsync.Wait(cursor.Next(sync: true, CancellationToken.None))) yield return cursor.Current!;
            }
            finally
            {
                SyncOrAsync.Wait(cursor.Close(sync: true));
            }
        }
    }

    /// <summary>Asynchronous <see cref="ReadBatches{TResult}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IAsyncEnumerable<TResult> ReadBatchesAsync<TResult>(Func<RowReader<TResult>> start, int batchSize, string? orderBy = null, int? limit = null,
        int? offset = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return Batches(new BatchCursor<TResult>(this, start, batchSize, orderBy, limit, offset), cancellationToken);

        static async IAsyncEnumerable<TResult> Batches(BatchCursor<TResult> cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            try
            {
                while (await cursor.Next(sync: false, cancellationToken).ConfigureAwait(false)) yield return cursor.Current!;
            }
            finally
            {
                await cursor.Close(sync: false).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The one body of both batch enumerations: the open statement, and the rows of the next batch read on demand.</summary>
    private sealed class BatchCursor<TResult>(QueryExpression query, Func<RowReader<TResult>> start, int batchSize, string? orderBy, int? limit,
        int? offset)
    {
        private const string Context = "Reading rows";
        private OpenReader? _open;
        private OperationScope? _scope;
        private Func<DbDataReader, byte[]?[]?, bool>? _read;
        private RowReader<TResult>? _consumer;
        private bool _done;
        private bool _handedOut;
        private long _rows;

        public TResult? Current { get; private set; }

        public async ValueTask<bool> Next(bool sync, CancellationToken cancellationToken)
        {
            if (_done) return false;
            try
            {
                if (_open is null) await Open(sync, cancellationToken).ConfigureAwait(false);
                _consumer = start();
                var count = 0;
                while (count < batchSize)
                {
                    if (!await query.Connection.ReadNext(_open!, Context, sync, cancellationToken).ConfigureAwait(false))
                    {
                        _done = true;
                        break;
                    }

                    _read!(_open!.Reader, null); // a RowReader reads what is stored, not store content
                    count++;
                }

                _rows += count;
                if (count == 0 && _handedOut) return false;
                Current = _consumer.Complete();
                _handedOut = true;
                return true;
            }
            catch (Exception e) when (_scope?.Fail(e) ?? false)
            {
                throw;
            }
        }

        private async ValueTask Open(bool sync, CancellationToken cancellationToken)
        {
            await query.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
            var statement = QuerySqlGenerator.Select(query.WithFetchPaging(orderBy, limit, offset), query.Connection.Adapter, query.Heading.Names);
            _scope = Telemetry.Start(Telemetry.Fetch, query.Connection, query.TelemetryTable);
            // Stored values (blobs, attachments) are decoded with the reading connection's stores, as every read does.
            _read = RowReadScope.Scoped<DbDataReader, bool>(reader =>
            {
                _consumer!.Read(reader);
                return true;
            }, query.Connection.Config);
            _open = await query.Connection.OpenStream(statement, Context, sync, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask Close(bool sync)
        {
            _done = true;
            if (_open is { } open)
            {
                _open = null;
                await open.Close(sync).ConfigureAwait(false);
            }

            if (_scope is { } scope)
            {
                _scope = null;
                scope.Rows(_rows);
                scope.Dispose();
            }
        }
    }
}
