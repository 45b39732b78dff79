using Apache.Arrow;
using DataJoint.Analysis;
using Microsoft.Data.Analysis;

namespace DataJoint;

/// <summary>
/// A query's rows as columns (package DataJoint.Analysis, docs/analysis.md): an Apache Arrow <see cref="RecordBatch"/> built
/// straight off the driver's reader, or a Microsoft.Data.Analysis <see cref="DataFrame"/> made from it.
/// </summary>
public static class ColumnarQueryExtensions
{
    /// <summary>
    /// The rows as one Arrow record batch: a column per heading attribute in heading order, typed by the attribute's DataJoint
    /// type (docs/analysis.md#arrow), NULLs in the validity bitmap; codec columns hold what is stored (blob bytes, JSON metadata).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="orderBy">As fetch's <c>orderBy</c> (<c>"KEY"</c>, <c>"a DESC"</c>).</param>
    /// <param name="limit">At most this many rows.</param>
    /// <param name="offset">Rows to skip first.</param>
    public static RecordBatch ToArrow(this QueryExpression query, string? orderBy = null, int? limit = null, int? offset = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ReadRows(() => new ArrowBatchReader(query.Heading, ArrowBatchReader.InitialCapacity), orderBy, limit, offset);
    }

    /// <summary>Asynchronous <see cref="ToArrow"/>.</summary>
    public static Task<RecordBatch> ToArrowAsync(this QueryExpression query, string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ReadRowsAsync(() => new ArrowBatchReader(query.Heading, ArrowBatchReader.InitialCapacity), orderBy, limit, offset, cancellationToken);
    }

    /// <summary>
    /// The rows as a stream of Arrow record batches of at most <paramref name="batchSize"/> rows each (the last may be shorter;
    /// an empty result is one empty batch), with <see cref="ToArrow"/>'s columns: one statement whose rows are read as the
    /// batches are asked for, so a result larger than memory can be processed batch by batch. Dispose each batch when done
    /// with it; the connection is held until the enumeration ends.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="batchSize">Rows per batch (at least 1).</param>
    /// <param name="orderBy">As fetch's <c>orderBy</c>.</param>
    /// <param name="limit">At most this many rows in all.</param>
    /// <param name="offset">Rows to skip first.</param>
    public static IEnumerable<RecordBatch> ToArrowBatches(this QueryExpression query, int batchSize, string? orderBy = null, int? limit = null,
        int? offset = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ReadBatches(() => new ArrowBatchReader(query.Heading, batchSize), batchSize, orderBy, limit, offset);
    }

    /// <summary>Asynchronous <see cref="ToArrowBatches"/>.</summary>
    public static IAsyncEnumerable<RecordBatch> ToArrowBatchesAsync(this QueryExpression query, int batchSize, string? orderBy = null, int? limit = null,
        int? offset = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ReadBatchesAsync(() => new ArrowBatchReader(query.Heading, batchSize), batchSize, orderBy, limit, offset, cancellationToken);
    }

    /// <summary>The rows as a data frame: <see cref="ToArrow"/>'s columns as data-frame columns (docs/analysis.md#data-frames).</summary>
    public static DataFrame ToDataFrame(this QueryExpression query, string? orderBy = null, int? limit = null, int? offset = null)
    {
        using var batch = query.ToArrow(orderBy, limit, offset);
        return DataFrames.From(batch);
    }

    /// <summary>Asynchronous <see cref="ToDataFrame"/>.</summary>
    public static async Task<DataFrame> ToDataFrameAsync(this QueryExpression query, string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default)
    {
        using var batch = await query.ToArrowAsync(orderBy, limit, offset, cancellationToken).ConfigureAwait(false);
        return DataFrames.From(batch);
    }
}
