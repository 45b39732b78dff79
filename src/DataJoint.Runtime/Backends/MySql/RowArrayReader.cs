using System.Collections;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// Presents buffered rows to MySqlBulkCopy, which reads a data reader through <c>Read</c> and <c>GetValues</c> only.
/// Field <c>i</c> is the row value at <c>ordinals[i]</c>, converted as it is handed over, so no second copy of the rows is built.
/// </summary>
internal sealed class RowArrayReader(IReadOnlyList<object?[]> rows, IReadOnlyList<int> ordinals, Func<int, object, object> convert) : DbDataReader
{
    private readonly int _fieldCount = ordinals.Count;
    private int _index = -1;

    public override int FieldCount => _fieldCount;

    public override bool Read() => ++_index < rows.Count;

    public override int GetValues(object[] values)
    {
        var row = rows[_index];
        for (var i = 0; i < _fieldCount; i++)
        {
            values[i] = row[ordinals[i]] is { } value ? convert(i, value) : DBNull.Value;
        }

        return _fieldCount;
    }

    public override object GetValue(int ordinal) => rows[_index][ordinals[ordinal]] is { } value ? convert(ordinal, value) : DBNull.Value;

    public override bool IsDBNull(int ordinal) => rows[_index][ordinals[ordinal]] is null;

    public override bool HasRows => rows.Count > 0;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override bool NextResult() => false;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => throw NotNeeded();

    public override string GetName(int ordinal) => "c" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override int GetOrdinal(string name) => throw NotNeeded();

    public override string GetDataTypeName(int ordinal) => throw NotNeeded();

    public override Type GetFieldType(int ordinal) => typeof(object);

    public override IEnumerator GetEnumerator() => throw NotNeeded();

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw NotNeeded();

    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw NotNeeded();

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    private static NotSupportedException NotNeeded() => new("The bulk-load row reader only supports Read and GetValues.");
}
