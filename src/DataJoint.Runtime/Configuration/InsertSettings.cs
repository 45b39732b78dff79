namespace DataJoint;

/// <summary>
/// The <c>insert.*</c> settings (a port's addition; DataJoint 2.x has no bulk path): when inserts bulk-load instead of
/// writing multi-row <c>INSERT</c> statements. Whatever the settings, inserts with <c>skipDuplicates</c> or
/// <c>replace</c>, and rows whose values the bulk protocol cannot carry exactly, use the statements.
/// </summary>
public sealed class InsertSettings
{
    private int _bulkThreshold = 100;

    /// <summary><c>insert.bulk</c>: <c>auto</c> (default), <c>always</c> or <c>never</c>.</summary>
    public BulkInsertMode Bulk { get; set; } = BulkInsertMode.Auto;

    /// <summary>
    /// <c>insert.bulk_threshold</c>: the fewest rows an insert (or a chunk of a streamed insert) must have to be bulk-loaded
    /// when <see cref="Bulk"/> is <c>auto</c> (default 100: measured, bulk loading is about 30% faster than one batched
    /// statement from 100 rows on both backends and slower at 30; see docs/performance.md).
    /// </summary>
    public int BulkThreshold
    {
        get => _bulkThreshold;
        set => _bulkThreshold = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "insert.bulk_threshold must be at least 1.");
    }
}
