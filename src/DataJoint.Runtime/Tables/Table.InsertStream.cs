namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Inserts rows from an asynchronous source as they arrive (records, anonymous objects, dictionaries or
    /// <c>object?[]</c>), in batched statements inside one transaction: nothing is written if any row fails. Once a plain
    /// insert's source has delivered <see cref="InsertSettings.BulkThreshold"/> rows, it is bulk-loaded in chunks instead.
    /// </summary>
    public async Task<long> InsertAsync(IAsyncEnumerable<object> rows, bool skipDuplicates = false, bool ignoreExtraFields = false,
        bool replace = false, bool allowDirectInsert = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await PrepareForRead(sync: false, cancellationToken).ConfigureAwait(false);
        var writer = new InsertWriter(this, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert));
        return await writer.WriteStreamAsync(Values(rows, writer, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<object?[]> Values(IAsyncEnumerable<object> rows, InsertWriter writer,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return writer.ToValues(row);
    }
}
