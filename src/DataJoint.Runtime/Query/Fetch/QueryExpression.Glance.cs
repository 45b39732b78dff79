namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>The first <paramref name="limit"/> rows by primary key, as dictionaries (DataJoint's <c>head</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Head(int limit = 25)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ToDicts("KEY", limit);
    }

    /// <summary>Asynchronous <see cref="Head"/>.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> HeadAsync(int limit = 25, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ToDictsAsync("KEY", limit, cancellationToken: cancellationToken);
    }

    /// <summary>The last <paramref name="limit"/> rows by primary key, in ascending key order (DataJoint's <c>tail</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Tail(int limit = 25)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ToDicts("KEY DESC", limit).Reverse().ToList();
    }

    /// <summary>Asynchronous <see cref="Tail"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> TailAsync(int limit = 25, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rows = await ToDictsAsync("KEY DESC", limit, cancellationToken: cancellationToken).ConfigureAwait(false);
        return rows.Reverse().ToList();
    }
}
