using Apache.Arrow;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace DataJoint.Analysis;

/// <summary>
/// A <see cref="RecordBatch"/> of <see cref="ArrowTypes"/> as a <see cref="DataFrame"/> (docs/analysis.md#data-frames): numbers,
/// bools and decimals as primitive columns, dates and datetimes as <see cref="DateTime"/> columns, text, JSON and uuids
/// (canonical form) as string columns, binary as <see cref="VBufferDataFrameColumn{T}"/> of bytes. NULLs stay NULL except in
/// binary columns, which have none: a NULL there is an empty buffer.
/// </summary>
internal static class DataFrames
{
    public static DataFrame From(RecordBatch batch) =>
        new(batch.Schema.FieldsList.Select((field, i) => Column(field.Name, batch.Column(i))));

    private static DataFrameColumn Column(string name, IArrowArray array) => array switch
    {
        Int8Array a => new PrimitiveDataFrameColumn<sbyte>(name, a),
        Int16Array a => new PrimitiveDataFrameColumn<short>(name, a),
        Int32Array a => new PrimitiveDataFrameColumn<int>(name, a),
        Int64Array a => new PrimitiveDataFrameColumn<long>(name, a),
        FloatArray a => new PrimitiveDataFrameColumn<float>(name, a),
        DoubleArray a => new PrimitiveDataFrameColumn<double>(name, a),
        BooleanArray a => new PrimitiveDataFrameColumn<bool>(name, a),
        Decimal128Array a => new PrimitiveDataFrameColumn<decimal>(name, Enumerable.Range(0, a.Length).Select(a.GetValue)),
        Date32Array a => new PrimitiveDataFrameColumn<DateTime>(name, Enumerable.Range(0, a.Length).Select(a.GetDateTime)),
        TimestampArray a => new PrimitiveDataFrameColumn<DateTime>(name, Enumerable.Range(0, a.Length).Select(i => a.GetTimestamp(i)?.DateTime)),
        StringArray a => new StringDataFrameColumn(name, Enumerable.Range(0, a.Length).Select(i => a.GetString(i))),
        GuidArray a => new StringDataFrameColumn(name, Enumerable.Range(0, a.Length).Select(i => a.GetGuid(i)?.ToString())),
        BinaryArray a => new VBufferDataFrameColumn<byte>(name, Enumerable.Range(0, a.Length).Select(i => new VBuffer<byte>(a.GetBytes(i).Length, a.GetBytes(i).ToArray()))),
        _ => throw new NotSupportedException($"Attribute `{name}` is an Arrow {array.Data.DataType.Name} column, which has no data-frame column here."),
    };
}
