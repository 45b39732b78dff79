using System.Data.Common;

namespace DataJoint;

/// <summary>
/// Reads and writes one table's typed rows without reflection; the source generator emits one per table.
/// Columns are in heading order.
/// </summary>
/// <typeparam name="TRow">The generated row record.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract class RowMapper<TRow>
{
    /// <summary>Materializes the current reader row (columns in heading order).</summary>
    public abstract TRow Read(DbDataReader reader);

    /// <summary>Writes the row's values into <paramref name="values"/> in heading order.</summary>
    public abstract void Write(TRow row, object?[] values);
}
