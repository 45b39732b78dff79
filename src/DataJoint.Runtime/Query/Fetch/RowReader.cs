using System.ComponentModel;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// Consumes a query's rows straight off the driver's reader, for outputs that build their own columns (DataJoint.Analysis'
/// Arrow record batches and data frames) without a boxed value per cell. Columns are the heading's stored values in heading
/// order, read with <see cref="ColumnReader"/>; codec columns hold what is stored (blob bytes, JSON metadata), not decoded.
/// </summary>
/// <typeparam name="TResult">What the rows become.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RowReader<TResult>
{
    /// <summary>Reads the reader's current row.</summary>
    public abstract void Read(DbDataReader reader);

    /// <summary>What the rows read became; called once after the last row.</summary>
    public abstract TResult Complete();
}
