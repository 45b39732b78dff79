using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace DataJoint;

/// <summary>
/// Serializes one .NET value the way DataJoint-Python's <c>Blob.pack_blob</c> serializes the matching Python value
/// (<see cref="Blob"/> lists the mapping). The protocol is <c>mYm</c> unless a value outside MATLAB's numeric arrays is
/// written anywhere, which switches it to <c>dj0</c>, as in Python.
/// </summary>
internal sealed class BlobWriter
{
    private const int MaxNesting = 512;

    private byte[] _buffer = new byte[256];
    private int _length;
    private int _depth;

    /// <summary>Whether anything needs the <c>dj0</c> protocol (everything except numeric, logical and char arrays).</summary>
    public bool UsesDj0 { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The blob: the buffer itself when it is exactly full (a single large value is), else a copy of what was written.</summary>
    public byte[] ToArray() => _length == _buffer.Length ? _buffer : Written.ToArray();

    /// <summary>Writes raw bytes (the protocol header is written by <see cref="Blob"/>).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    /// <summary>Writes <paramref name="value"/> with its type code.</summary>
    public void Write(object? value)
    {
        if (++_depth > MaxNesting)
        {
            throw new BlobException($"Cannot pack a value nested more than {MaxNesting} levels deep into a DataJoint blob (is a collection containing itself?).");
        }

        if (!TryWriteArray(value))
        {
            UsesDj0 = true;
            WriteDj0(value);
        }

        _depth--;
    }

    private void WriteDj0(object? value)
    {
        switch (value)
        {
            case null:
                WriteByte(BlobTypeCode.None);
                break;
            case bool b:
                WriteByte(BlobTypeCode.Bool);
                WriteByte(b ? (byte)1 : (byte)0);
                break;
            case string s:
                WriteString(BlobTypeCode.String, s);
                break;
            case char c:
                WriteString(BlobTypeCode.String, c.ToString());
                break;
            case byte[] bytes when value.GetType() == typeof(byte[]):
                WriteByte(BlobTypeCode.Bytes);
                WriteLength(bytes.Length);
                WriteRaw(bytes);
                break;
            case double d:
                WriteFloat(d);
                break;
            case float f:
                WriteFloat(f);
                break;
            case long l:
                WriteInteger(l);
                break;
            case int i:
                WriteInteger(i);
                break;
            case short s:
                WriteInteger(s);
                break;
            case sbyte sb:
                WriteInteger(sb);
                break;
            case byte ub:
                WriteInteger(ub);
                break;
            case ushort us:
                WriteInteger(us);
                break;
            case uint ui:
                WriteInteger(ui);
                break;
            case ulong ul:
                WriteInteger(ul);
                break;
            case BigInteger big:
                WriteInteger(big);
                break;
            case decimal m:
                WriteString(BlobTypeCode.Decimal, m.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Complex z:
                WriteByte(BlobTypeCode.Complex);
                WriteDouble(z.Real);
                WriteDouble(z.Imaginary);
                break;
            case DateTime dt:
                WriteDateTime(DateOnly.FromDateTime(dt), TimeOnly.FromDateTime(dt));
                break;
            case DateOnly date:
                WriteDateTime(date, null);
                break;
            case TimeOnly time:
                WriteDateTime(null, time);
                break;
            case Guid guid:
                WriteByte(BlobTypeCode.Uuid);
                guid.TryWriteBytes(Take(16), bigEndian: true, out _);
                break;
            case IDictionary dictionary:
                WriteDictionary(dictionary);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                WriteDictionary(pairs);
                break;
            case object?[] tuple when tuple.Rank == 1:
                WriteSequence(BlobTypeCode.Tuple, tuple.Length, tuple);
                break;
            case ITuple tuple:
                WriteByte(BlobTypeCode.Tuple);
                WriteLength(tuple.Length);
                for (var i = 0; i < tuple.Length; i++) WriteSized(tuple[i]);
                break;
            case ISet<object?> set:
                WriteSequence(BlobTypeCode.Set, set.Count, set);
                break;
            case Array { Rank: > 1 } array:
                throw new BlobException($"Cannot pack a {TypeName(array.GetType())} into a DataJoint blob: multidimensional arrays must hold numbers, "
                    + "bool, char, Complex or objects.");
            case IList list:
                WriteSequence(BlobTypeCode.List, list.Count, list);
                break;
            default:
                throw new BlobException($"Cannot pack a value of type {TypeName(value.GetType())} into a DataJoint blob. Supported: null, bool, "
                    + "integers, float/double, decimal, Complex, string, char, byte[], DateTime/DateOnly/TimeOnly, Guid, arrays and List<T> of "
                    + "numbers, bool or char, string arrays, NDArray<T>, MatCell, MatStruct, object?[] (tuple), lists, sets of object?, and "
                    + "dictionaries.");
        }
    }

    /// <summary>
    /// The MATLAB structures: arrays (<c>A</c>: .NET arrays of any rank, <see cref="NDArray{T}"/>, lists of numbers),
    /// cells (<c>C</c>) and structs (<c>S</c>). They keep the mYm protocol unless something in them needs dj0.
    /// </summary>
    private bool TryWriteArray(object? value)
    {
        switch (value)
        {
            case byte[] when value.GetType() == typeof(byte[]):
                return false; // Python bytes (the exact type test: the runtime also lets an sbyte[] pass as byte[])
            case Array array when array.GetType().GetElementType() is { } elementType:
                return TryWriteArray(array, elementType, ColumnMajor.Dimensions(array), isNDArray: false);
            case IBlobArray ndarray:
                return TryWriteArray(ndarray.RowMajor, ndarray.ElementType, ndarray.Dims, isNDArray: true)
                    ? true
                    : throw new BlobException($"Cannot pack a {TypeName(value.GetType())} into a DataJoint blob: its element type has no NumPy "
                        + "dtype. NDArray elements must be numbers, bool, char, Complex, string or reference types (object arrays).");
            case MatCell cell:
                WriteCell(cell);
                return true;
            case MatStruct structure:
                WriteStruct(structure);
                return true;
            case List<double> list:
                WriteNumbers(BlobArrayClass.Double, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<float> list:
                WriteNumbers(BlobArrayClass.Single, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<long> list:
                WriteNumbers(BlobArrayClass.Int64, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<int> list:
                WriteNumbers(BlobArrayClass.Int32, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<short> list:
                WriteNumbers(BlobArrayClass.Int16, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<sbyte> list:
                WriteNumbers(BlobArrayClass.Int8, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<ulong> list:
                WriteNumbers(BlobArrayClass.UInt64, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<uint> list:
                WriteNumbers(BlobArrayClass.UInt32, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<ushort> list:
                WriteNumbers(BlobArrayClass.UInt16, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            case List<bool> list:
                WriteNumbers(BlobArrayClass.Logical, CollectionsMarshal.AsSpan(list), [list.Count]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Python's <c>pack_array</c> for elements in row-major memory order (<paramref name="array"/> has any rank, or is a
    /// flat <c>T[]</c> of an <see cref="NDArray{T}"/> with <paramref name="dims"/>). 0-d arrays need dj0, as in Python.
    /// </summary>
    private bool TryWriteArray(Array array, Type elementType, int[] dims, bool isNDArray)
    {
        var isObjectArray = !elementType.IsValueType && (dims.Length != 1 || isNDArray || elementType == typeof(string));
        if (dims.Length == 0 && !isObjectArray) UsesDj0 = true;
        switch (Type.GetTypeCode(elementType))
        {
            case TypeCode.Double:
                WriteNumbers(BlobArrayClass.Double, ColumnMajor.Elements<double>(array, dims), dims);
                return true;
            case TypeCode.Single:
                WriteNumbers(BlobArrayClass.Single, ColumnMajor.Elements<float>(array, dims), dims);
                return true;
            case TypeCode.SByte:
                WriteNumbers(BlobArrayClass.Int8, ColumnMajor.Elements<sbyte>(array, dims), dims);
                return true;
            case TypeCode.Byte:
                WriteNumbers(BlobArrayClass.UInt8, ColumnMajor.Elements<byte>(array, dims), dims);
                return true;
            case TypeCode.Int16:
                WriteNumbers(BlobArrayClass.Int16, ColumnMajor.Elements<short>(array, dims), dims);
                return true;
            case TypeCode.UInt16:
                WriteNumbers(BlobArrayClass.UInt16, ColumnMajor.Elements<ushort>(array, dims), dims);
                return true;
            case TypeCode.Int32:
                WriteNumbers(BlobArrayClass.Int32, ColumnMajor.Elements<int>(array, dims), dims);
                return true;
            case TypeCode.UInt32:
                WriteNumbers(BlobArrayClass.UInt32, ColumnMajor.Elements<uint>(array, dims), dims);
                return true;
            case TypeCode.Int64:
                WriteNumbers(BlobArrayClass.Int64, ColumnMajor.Elements<long>(array, dims), dims);
                return true;
            case TypeCode.UInt64:
                WriteNumbers(BlobArrayClass.UInt64, ColumnMajor.Elements<ulong>(array, dims), dims);
                return true;
            case TypeCode.Boolean:
                WriteNumbers(BlobArrayClass.Logical, ColumnMajor.Elements<bool>(array, dims), dims);
                return true;
            case TypeCode.Char:
                WriteNumbers(BlobArrayClass.Char, ColumnMajor.Elements<char>(array, dims), dims);
                return true;
        }

        if (elementType == typeof(Complex))
        {
            var elements = ColumnMajor.Elements<Complex>(array, dims);
            WriteArrayHeader(BlobArrayClass.Double, dims, isComplex: true);
            foreach (var z in elements) WriteDouble(z.Real);
            foreach (var z in elements) WriteDouble(z.Imaginary);
            return true;
        }

        if (isObjectArray)
        {
            // A NumPy object or string array (a 1-D object?[] stays a tuple): each element is a sized blob of its own
            // (MATLAB cannot read it, hence dj0).
            UsesDj0 = true;
            WriteArrayHeader(BlobArrayClass.Object, dims, isComplex: false);
            foreach (var element in ColumnMajor.Elements<object?>(array, dims)) WriteSized(element);
            return true;
        }

        return false;
    }

    /// <summary>Python's <c>pack_cell_array</c>: <c>C</c>, uint64 rank and dimensions, then each cell sized, column-major.</summary>
    private void WriteCell(MatCell cell)
    {
        var dims = cell.Shape.ToArray();
        WriteByte(BlobTypeCode.Cell);
        WriteShape(dims);
        foreach (var element in ColumnMajor.Elements<object?>(((IBlobArray)cell.Cells).RowMajor, dims)) WriteSized(element);
    }

    /// <summary>
    /// Python's <c>pack_struct</c>: <c>S</c>, uint64 rank and dimensions, uint32 field count, the names each ended by NUL,
    /// then per element (column-major) each field's value sized, in field order.
    /// </summary>
    private void WriteStruct(MatStruct structure)
    {
        if (structure.FieldNames.Count == 0)
        {
            // Python writes a lone NUL for the missing names and then cannot read its own blob back.
            throw new BlobException("Cannot pack a MatStruct without fields into a DataJoint blob: DataJoint-Python cannot read it back.");
        }

        var dims = structure.Shape.ToArray();
        WriteByte(BlobTypeCode.Struct);
        WriteShape(dims);
        BinaryPrimitives.WriteUInt32LittleEndian(Take(4), (uint)structure.FieldNames.Count);
        foreach (var name in structure.FieldNames)
        {
            Encoding.UTF8.GetBytes(name, Take(Encoding.UTF8.GetByteCount(name)));
            WriteByte(0);
        }

        var elements = ColumnMajor.Elements<IReadOnlyDictionary<string, object?>>(((IBlobArray)structure.Elements).RowMajor, dims);
        foreach (var element in elements)
        {
            foreach (var name in structure.FieldNames) WriteSized(element[name]);
        }
    }

    private void WriteShape(int[] dims)
    {
        WriteLength(dims.Length);
        foreach (var d in dims) WriteLength(d);
    }

    /// <summary>
    /// The <c>A</c> header (uint64 rank, uint64 per dimension, uint32 class, uint32 complex flag) and the elements as their
    /// little-endian bytes; chars as 16-bit code units, as MATLAB stores them.
    /// </summary>
    private void WriteNumbers<T>(BlobArrayClass arrayClass, ReadOnlySpan<T> columnMajor, int[] dims) where T : unmanaged
    {
        WriteArrayHeader(arrayClass, dims, isComplex: false);
        var size = Unsafe.SizeOf<T>();
        var target = Take(columnMajor.Length * size);
        MemoryMarshal.AsBytes(columnMajor).CopyTo(target);
        if (!BitConverter.IsLittleEndian && size > 1)
        {
            for (var offset = 0; offset < target.Length; offset += size) target.Slice(offset, size).Reverse();
        }
    }

    private void WriteArrayHeader(BlobArrayClass arrayClass, int[] dims, bool isComplex)
    {
        WriteByte(BlobTypeCode.Array);
        WriteShape(dims);
        BinaryPrimitives.WriteUInt32LittleEndian(Take(4), (uint)arrayClass);
        BinaryPrimitives.WriteUInt32LittleEndian(Take(4), isComplex ? 1u : 0u);
    }

    private void WriteSequence(byte code, int count, IEnumerable items)
    {
        WriteByte(code);
        WriteLength(count);
        foreach (var item in items) WriteSized(item);
    }

    private void WriteDictionary(IDictionary dictionary)
    {
        WriteByte(BlobTypeCode.Dict);
        WriteLength(dictionary.Count);
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            WriteSized(entries.Key);
            WriteSized(entries.Value);
        }
    }

    private void WriteDictionary(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var list = pairs as IReadOnlyCollection<KeyValuePair<string, object?>> ?? pairs.ToList();
        WriteByte(BlobTypeCode.Dict);
        WriteLength(list.Count);
        foreach (var (key, value) in list)
        {
            WriteSized(key);
            WriteSized(value);
        }
    }

    /// <summary>A collection element: its uint64 byte length, then the element (the length is filled in afterwards).</summary>
    private void WriteSized(object? value)
    {
        var lengthAt = _length;
        Take(8);
        Write(value);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(lengthAt, 8), (ulong)(_length - lengthAt - 8));
    }

    private void WriteString(byte code, string s)
    {
        WriteByte(code);
        var byteCount = Encoding.UTF8.GetByteCount(s);
        WriteLength(byteCount);
        Encoding.UTF8.GetBytes(s, Take(byteCount));
    }

    private void WriteFloat(double value)
    {
        WriteByte(BlobTypeCode.Float);
        WriteDouble(value);
    }

    /// <summary>
    /// Python's <c>pack_int</c>: <c>bit_length(|v|) // 8 + 1</c> bytes of little-endian two's complement, so 127 takes one
    /// byte but 128 and -128 take two.
    /// </summary>
    private void WriteInteger(long value)
    {
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var byteCount = (64 - BitOperations.LeadingZeroCount(magnitude)) / 8 + 1;
        WriteByte(BlobTypeCode.Int);
        BinaryPrimitives.WriteUInt16LittleEndian(Take(2), (ushort)byteCount);
        Span<byte> full = stackalloc byte[9];
        BinaryPrimitives.WriteInt64LittleEndian(full, value);
        full[8] = value < 0 ? (byte)0xFF : (byte)0;
        full[..byteCount].CopyTo(Take(byteCount));
    }

    private void WriteInteger(ulong value)
    {
        if (value <= long.MaxValue)
        {
            WriteInteger((long)value);
            return;
        }

        WriteInteger(new BigInteger(value));
    }

    private void WriteInteger(BigInteger value)
    {
        var byteCount = BigInteger.Abs(value).GetBitLength() / 8 + 1;
        if (byteCount > ushort.MaxValue)
        {
            throw new BlobException($"Cannot pack an integer of {byteCount} bytes into a DataJoint blob: integers are limited to 65535 bytes.");
        }

        WriteByte(BlobTypeCode.Int);
        BinaryPrimitives.WriteUInt16LittleEndian(Take(2), (ushort)byteCount);
        var target = Take((int)byteCount);
        target.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        value.TryWriteBytes(target, out _, isUnsigned: false, isBigEndian: false);
    }

    /// <summary>Python's <c>pack_datetime</c>: int32 <c>yyyymmdd</c> and int64 <c>hhmmss</c> times 10⁶ plus microseconds; -1 when absent.</summary>
    private void WriteDateTime(DateOnly? date, TimeOnly? time)
    {
        WriteByte(BlobTypeCode.DateTime);
        var dateValue = date is { } d ? (d.Year * 100 + d.Month) * 100 + d.Day : -1;
        var timeValue = time is { } t
            ? (((long)t.Hour * 100 + t.Minute) * 100 + t.Second) * 1_000_000 + t.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond
            : -1L;
        BinaryPrimitives.WriteInt32LittleEndian(Take(4), dateValue);
        BinaryPrimitives.WriteInt64LittleEndian(Take(8), timeValue);
    }

    /// <summary>A type as C# spells it (<c>System.Collections.Generic.List&lt;System.TimeSpan&gt;</c>, not <c>List`1[...]</c>).</summary>
    internal static string TypeName(Type type)
    {
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    private void WriteLength(long length) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), (ulong)length);

    private void WriteByte(byte value) => Take(1)[0] = value;

    /// <summary>Reserves <paramref name="count"/> bytes at the end and returns them to be filled.</summary>
    private Span<byte> Take(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var needed = (long)_length + count;
            if (needed > Array.MaxLength)
            {
                throw new BlobException($"Cannot pack the value: the DataJoint blob would exceed {Array.MaxLength} bytes.");
            }

            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_buffer.Length * 2)));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
