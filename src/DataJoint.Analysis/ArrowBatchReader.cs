using System.Data.Common;
using Apache.Arrow;

namespace DataJoint.Analysis;

/// <summary>Builds one <see cref="RecordBatch"/> from a query's rows: one <see cref="ArrowColumn"/> per heading attribute.</summary>
/// <param name="heading">The query's heading (the columns, in order).</param>
/// <param name="capacity">Rows expected: the batch size, or a first guess for a whole result (buffers grow from it).</param>
internal sealed class ArrowBatchReader(Heading heading, int capacity) : RowReader<RecordBatch>
{
    /// <summary>What a whole result's buffers start with.</summary>
    public const int InitialCapacity = 1024;

    private readonly ArrowColumn[] _columns = heading.Attributes.Select(a => ArrowTypes.ColumnFor(a, Math.Min(capacity, 1 << 20))).ToArray();
    private int _rows;

    public override void Read(DbDataReader reader)
    {
        var columns = _columns;
        for (var i = 0; i < columns.Length; i++) columns[i].Read(reader, i);
        _rows++;
    }

    public override RecordBatch Complete()
    {
        var arrays = _columns.Select(c => c.Build()).ToList();
        var schema = new Apache.Arrow.Schema.Builder();
        foreach (var column in _columns) schema.Field(column.Field);
        return new RecordBatch(schema.Build(), arrays, _rows);
    }
}
