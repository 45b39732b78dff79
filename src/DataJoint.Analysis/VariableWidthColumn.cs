using System.Data.Common;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace DataJoint.Analysis;

/// <summary>
/// A Utf8 or Binary column: int32 offsets and the value bytes. Where the driver hands a column's bytes out (PostgreSQL and
/// SQLite text, every binary column), they are copied straight into the buffer; otherwise the value is read as text and
/// encoded into it as UTF-8, with no byte array in between.
/// </summary>
internal sealed class VariableWidthColumn : BufferColumn
{
    private readonly PooledBuffer<int> _offsets;
    private readonly PooledBuffer<byte> _data;
    private readonly bool _rawText;
    private bool? _raw;

    /// <param name="attribute">The attribute.</param>
    /// <param name="type">Utf8 or Binary.</param>
    /// <param name="rawText">Whether the driver's bytes of a text column are the value (plain text types; not JSON or native types).</param>
    /// <param name="capacity">Rows expected.</param>
    public VariableWidthColumn(HeadingAttribute attribute, IArrowType type, bool rawText, int capacity) : base(attribute, type)
    {
        _rawText = rawText;
        _offsets = new PooledBuffer<int>(capacity + 1);
        _data = new PooledBuffer<byte>(capacity * 16);
        _offsets.Add(0);
    }

    protected override void Append(DbDataReader reader, int ordinal)
    {
        if (_raw ??= ReadsRaw(reader, ordinal))
        {
            var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
            var read = reader.GetBytes(ordinal, 0, _data.ReserveArray(length), _data.Count, length);
            _data.Advance(checked((int)read));
        }
        else
        {
            // A Binary column's value the driver does not hand out as bytes is a registered codec's text: its UTF-8.
            var text = Type is BinaryType
                ? Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? ""
                : ColumnReader.ReadString(reader, ordinal);
            _data.Advance(Encoding.UTF8.GetBytes(text, _data.Reserve(Encoding.UTF8.GetMaxByteCount(text.Length))));
        }

        _offsets.Add(_data.Count);
    }

    /// <summary>Whether this result's column hands out its bytes (decided on the first value).</summary>
    private bool ReadsRaw(DbDataReader reader, int ordinal)
    {
        var fieldType = reader.GetFieldType(ordinal);
        if (fieldType == typeof(byte[])) return true;
        if (!_rawText || fieldType != typeof(string)) return false;
        try
        {
            reader.GetBytes(ordinal, 0, null, 0, 0);
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or NotSupportedException)
        {
            // MySqlConnector decodes text columns only.
            return false;
        }
    }

    protected override void AppendNull() => _offsets.Add(_data.Count);

    protected override ArrowBuffer[] BuildValues() => [_offsets.Build(), _data.Build()];
}
