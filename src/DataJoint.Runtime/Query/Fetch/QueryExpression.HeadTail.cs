namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>The first <paramref name="limit"/> rows by primary key (DataJoint's <c>head</c>), as dictionaries.</summary>
    /// <param name="limit">How many rows (default 25).</param>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Head(int limit = 25) =>
        SyncOrAsync.Wait(HeadTailCore(limit, last: false, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Head"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> HeadAsync(int limit = 25, CancellationToken cancellationToken = default) =>
        await HeadTailCore(limit, last: false, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>The last <paramref name="limit"/> rows by primary key (DataJoint's <c>tail</c>), returned in ascending key order.</summary>
    /// <param name="limit">How many rows (default 25).</param>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Tail(int limit = 25) =>
        SyncOrAsync.Wait(HeadTailCore(limit, last: true, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Tail"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> TailAsync(int limit = 25, CancellationToken cancellationToken = default) =>
        await HeadTailCore(limit, last: true, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<IReadOnlyDictionary<string, object?>>> HeadTailCore(int limit, bool last, bool sync, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rows = await ToDictsCore(last ? "KEY DESC" : "KEY", limit, 0, sync, cancellationToken).ConfigureAwait(false);
        return last ? rows.Reverse().ToList() : rows;
    }
}
