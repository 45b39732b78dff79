using System.Data.Common;
using Apache.Arrow;

namespace DataJoint.Analysis;

/// <summary>Builds one <see cref="RecordBatch"/> from a query's rows: one <see cref="ArrowColumn"/> per heading attribute.</summary>
internal sealed class ArrowBatchReader(Heading heading) : RowReader<RecordBatch>
{
    private readonly ArrowColumn[] _columns = heading.Attributes.Select(ArrowTypes.ColumnFor).ToArray();
    private int _rows;

    public override void Read(DbDataReader reader)
    {
        for (var i = 0; i < _columns.Length; i++) _columns[i].Read(reader, i);
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
