namespace DataJoint;

/// <summary>
/// When an insert uses the backend's bulk-load protocol (PostgreSQL binary <c>COPY</c>, MySQL <c>LOAD DATA LOCAL</c>
/// through MySqlBulkCopy) instead of multi-row <c>INSERT</c> statements. Set with <c>insert.bulk</c>
/// (<see cref="InsertSettings.Bulk"/>).
/// </summary>
public enum BulkInsertMode
{
    /// <summary>Bulk-load plain inserts of at least <see cref="InsertSettings.BulkThreshold"/> rows (the default).</summary>
    Auto,

    /// <summary>Bulk-load every plain insert, whatever its size.</summary>
    Always,

    /// <summary>Always write multi-row <c>INSERT</c> statements.</summary>
    Never,
}
