using System.ComponentModel;

namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// Reads the rows into a <see cref="RowReader{TResult}"/> made by <paramref name="start"/> (a fresh one if the statement
    /// runs again after a lost connection) and returns its result. For columnar outputs; most code fetches instead.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TResult ReadRows<TResult>(Func<RowReader<TResult>> start, string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(ReadRowsCore(start, orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ReadRows{TResult}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<TResult> ReadRowsAsync<TResult>(Func<RowReader<TResult>> start, string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default) =>
        await ReadRowsCore(start, orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<TResult> ReadRowsCore<TResult>(Func<RowReader<TResult>> start, string? orderBy, int? limit, int? offset, bool sync,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var statement = QuerySqlGenerator.Select(WithFetchPaging(orderBy, limit, offset), Connection.Adapter, Heading.Names);
        return await Telemetry.Traced(Telemetry.Fetch, Connection, TelemetryTable,
            () => Connection.ReadIntoCore(statement, "Reading rows", start, sync, cancellationToken)).ConfigureAwait(false);
    }
}
