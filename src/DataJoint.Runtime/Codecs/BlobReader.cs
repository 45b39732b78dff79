using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace DataJoint;

/// <summary>
/// Reads the values of an uncompressed DataJoint blob body (after its protocol header) as DataJoint-Python's
/// <c>Blob.read_blob</c> does, checking every length against the bytes that are left so corrupt input fails with a
/// <see cref="BlobException"/> naming the byte offset instead of reading past the end or allocating wildly.
/// </summary>
internal ref struct BlobReader
{
    private const int MaxNesting = 512;

    // A sized collection element: its uint64 length and at least a one-byte type code.
    private const int MinSizedElement = 9;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _depth;

    public BlobReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>Offset of the next byte to read.</summary>
    public readonly int Position => _position;

    private readonly int Remaining => _data.Length - _position;

    /// <summary>Reads one value: its type code, then its content.</summary>
    public object? ReadValue()
    {
        var start = _position;
        var code = ReadByte();
        if (++_depth > MaxNesting)
        {
            throw new BlobException($"The blob nests values more than {MaxNesting} levels deep at byte {start}; it is corrupt or too deep to unpack.");
        }

        object? value = code switch
        {
            BlobTypeCode.None => null,
            BlobTypeCode.Bool => ReadByte() != 0,
            BlobTypeCode.Int => ReadInteger(),
            BlobTypeCode.Float => ReadDouble(),
            BlobTypeCode.Complex => new Complex(ReadDouble(), ReadDouble()),
            BlobTypeCode.String => ReadString(),
            BlobTypeCode.Bytes => ReadBytes(ReadCount("byte string length")).ToArray(),
            BlobTypeCode.Decimal => ReadDecimal(),
            BlobTypeCode.DateTime => ReadDateTime(),
            BlobTypeCode.Uuid => new Guid(ReadBytes(16), bigEndian: true),
            BlobTypeCode.Tuple => ReadTuple(),
            BlobTypeCode.List => ReadList(),
            BlobTypeCode.Set => ReadSet(),
            BlobTypeCode.Dict => ReadDictionary(),
            BlobTypeCode.Array => ReadArray(start),
            BlobTypeCode.Cell => ReadCell(),
            BlobTypeCode.Struct => ReadStruct(),
            BlobTypeCode.SparseArray => throw Unsupported(code, start, "a MATLAB sparse array"),
            BlobTypeCode.RecordArray => throw Unsupported(code, start, "a NumPy record array (an array with named fields)"),
            _ => throw new BlobException($"Unknown blob type code 0x{code:X2} at byte {start}: the blob is corrupt or was written by a newer DataJoint."),
        };
        _depth--;
        return value;
    }

    /// <summary>A collection element: uint64 byte length, then a value that must use exactly that many bytes.</summary>
    private object? ReadSized()
    {
        var length = ReadCount("element length");
        var start = _position;
        var value = ReadValue();
        if (_position - start != length)
        {
            throw new BlobException($"Blob length check failed at byte {start}: the element declares {length} bytes but its value takes {_position - start}.");
        }

        return value;
    }

    private object?[] ReadTuple()
    {
        var items = new object?[ReadElementCount("tuple length", 1)];
        for (var i = 0; i < items.Length; i++) items[i] = ReadSized();
        return items;
    }

    private List<object?> ReadList()
    {
        var count = ReadElementCount("list length", 1);
        var items = new List<object?>(count);
        for (var i = 0; i < count; i++) items.Add(ReadSized());
        return items;
    }

    private HashSet<object?> ReadSet()
    {
        var count = ReadElementCount("set length", 1);
        var items = new HashSet<object?>(count);
        for (var i = 0; i < count; i++) items.Add(ReadSized());
        return items;
    }

    /// <summary>A dict: <c>Dictionary&lt;string, object?&gt;</c> when every key is a string (the usual case), else keyed by object.</summary>
    private object ReadDictionary()
    {
        var start = _position - 1;
        var count = ReadElementCount("dict length", 2);
        var pairs = new (object? Key, object? Value)[count];
        var allStrings = true;
        for (var i = 0; i < count; i++)
        {
            pairs[i] = (ReadSized(), ReadSized());
            allStrings &= pairs[i].Key is string;
        }

        if (allStrings)
        {
            var byName = new Dictionary<string, object?>(count, StringComparer.Ordinal);
            foreach (var (key, value) in pairs) byName[(string)key!] = value;
            return byName;
        }

        var byKey = new Dictionary<object, object?>(count);
        foreach (var (key, value) in pairs)
        {
            byKey[key ?? throw new BlobException($"The dict at byte {start} has a None key, which a .NET dictionary cannot hold.")] = value;
        }

        return byKey;
    }

    /// <summary>
    /// An <c>A</c> array: uint64 rank, uint64 per dimension, uint32 class id, uint32 complex flag, then the elements in
    /// column-major order (the imaginary parts after the real ones).
    /// </summary>
    private object? ReadArray(int start)
    {
        var (dims, count) = ReadShape(start);
        var classId = ReadUInt32();
        var isComplex = ReadUInt32() != 0;
        var arrayClass = (BlobArrayClass)classId;
        if (isComplex && arrayClass is BlobArrayClass.Logical or BlobArrayClass.Char or BlobArrayClass.Object)
        {
            throw new BlobException($"The array at byte {start} is marked complex but holds {arrayClass} elements; the blob is corrupt.");
        }

        return arrayClass switch
        {
            BlobArrayClass.Double => ReadNumbers<double>(count, dims, isComplex),
            BlobArrayClass.Single => ReadNumbers<float>(count, dims, isComplex),
            BlobArrayClass.Int8 => ReadNumbers<sbyte>(count, dims, isComplex),
            BlobArrayClass.UInt8 => ReadNumbers<byte>(count, dims, isComplex),
            BlobArrayClass.Int16 => ReadNumbers<short>(count, dims, isComplex),
            BlobArrayClass.UInt16 => ReadNumbers<ushort>(count, dims, isComplex),
            BlobArrayClass.Int32 => ReadNumbers<int>(count, dims, isComplex),
            BlobArrayClass.UInt32 => ReadNumbers<uint>(count, dims, isComplex),
            BlobArrayClass.Int64 => ReadNumbers<long>(count, dims, isComplex),
            BlobArrayClass.UInt64 => ReadNumbers<ulong>(count, dims, isComplex),
            BlobArrayClass.Logical => Typed(ReadLogicals(count), dims),
            BlobArrayClass.Char => ReadChars(count, dims),
            BlobArrayClass.Object => ReadObjects(count, dims),
            >= BlobArrayClass.FirstDateTime64 and <= BlobArrayClass.LastDateTime64 =>
                throw new BlobException($"The array at byte {start} holds NumPy datetime64 values (class id {classId}), which DataJoint for .NET "
                    + "cannot unpack yet."),
            _ => throw new BlobException($"The array at byte {start} has class id {classId} ({arrayClass}), which DataJoint for .NET cannot unpack."),
        };
    }

    /// <summary>A MATLAB cell array: shape, then one sized value per cell in column-major order.</summary>
    private MatCell ReadCell()
    {
        var (dims, count) = ReadShape(_position - 1);
        return new MatCell(NDArray<object?>.FromColumnMajor(ReadElements(count), dims));
    }

    /// <summary>A MATLAB struct array: shape, uint32 field count, NUL-terminated names, then each element's field values.</summary>
    private MatStruct ReadStruct()
    {
        var start = _position - 1;
        var (dims, count) = ReadShape(start);
        var fieldCount = (int)Math.Min(ReadUInt32(), int.MaxValue);
        if (fieldCount > Remaining) throw Truncated(fieldCount);
        var names = new string[fieldCount];
        for (var f = 0; f < fieldCount; f++) names[f] = ReadZeroTerminatedString();
        // Each field value takes at least a sized element's bytes; a struct without fields still allocates per element.
        if (fieldCount > 0 ? (long)count * fieldCount > Remaining / MinSizedElement : count > Remaining + 4096L)
        {
            throw new BlobException($"The struct array at byte {start} declares {count} elements of {fieldCount} fields, more than the "
                + $"{Remaining} bytes that follow can hold; the blob is corrupt.");
        }

        var elements = new IReadOnlyDictionary<string, object?>[count];
        for (var e = 0; e < count; e++)
        {
            var fields = new Dictionary<string, object?>(fieldCount, StringComparer.Ordinal);
            foreach (var name in names) fields[name] = ReadSized();
            elements[e] = fields;
        }

        try
        {
            return new MatStruct(names, NDArray<IReadOnlyDictionary<string, object?>>.FromColumnMajor(elements, dims));
        }
        catch (ArgumentException ex)
        {
            throw new BlobException($"The struct array at byte {start} has empty or repeated field names ({string.Join(", ", names)}); the blob is corrupt.", ex);
        }
    }

    private (int[] Dims, int Count) ReadShape(int start)
    {
        var rank = ReadUInt64();
        if (rank > ColumnMajor.MaxRank)
        {
            throw new BlobException($"The array at byte {start} has {rank} dimensions; .NET arrays have at most {ColumnMajor.MaxRank}.");
        }

        var dims = new int[(int)rank];
        long count = 1;
        for (var k = 0; k < dims.Length; k++)
        {
            var length = ReadUInt64();
            if (length > (ulong)Array.MaxLength || (count *= (long)length) > Array.MaxLength)
            {
                throw new BlobException($"The array at byte {start} declares more elements than a .NET array holds; the blob is corrupt.");
            }

            dims[k] = (int)length;
        }

        return (dims, (int)count);
    }

    private object ReadNumbers<T>(int count, int[] dims, bool isComplex) where T : unmanaged, INumberBase<T>
    {
        var real = ReadRaw<T>(count);
        if (!isComplex) return Typed(real, dims);
        var imaginary = ReadRaw<T>(count);
        var numbers = new Complex[count];
        for (var i = 0; i < count; i++) numbers[i] = new Complex(double.CreateTruncating(real[i]), double.CreateTruncating(imaginary[i]));
        return Typed(numbers, dims);
    }

    /// <summary>
    /// A numeric or logical array as a .NET array, except where that would pack back as another Python type: a 0-d
    /// array (a plain element is a Python scalar) and a 1-D uint8 array (a <c>byte[]</c> is Python bytes) stay
    /// <see cref="NDArray{T}"/>.
    /// </summary>
    private static object Typed<T>(T[] columnMajor, int[] dims) =>
        dims.Length == 0 || (dims.Length == 1 && typeof(T) == typeof(byte))
            ? NDArray<T>.FromColumnMajor(columnMajor, dims)
            : ColumnMajor.Shape(columnMajor, dims);

    /// <summary>
    /// An object array: <c>string[]</c> (or higher rank) when it holds only strings, as NumPy packs a string array;
    /// otherwise <c>object?[,]</c> for two or more dimensions and <see cref="NDArray{T}"/> of object for 0-d and 1-D
    /// (a plain <c>object?[]</c> is a tuple).
    /// </summary>
    private object ReadObjects(int count, int[] dims)
    {
        var elements = ReadElements(count);
        if (count > 0 && Array.TrueForAll(elements, e => e is string))
        {
            var strings = Array.ConvertAll(elements, e => (string)e!);
            return dims.Length == 0 ? NDArray<string>.FromColumnMajor(strings, dims) : ColumnMajor.Shape(strings, dims);
        }

        return dims.Length <= 1 ? NDArray<object?>.FromColumnMajor(elements, dims) : ColumnMajor.Shape(elements, dims);
    }

    /// <summary><paramref name="count"/> little-endian elements copied into a new array.</summary>
    private T[] ReadRaw<T>(int count) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (count > Remaining / size) throw Truncated((long)count * size);
        var elements = new T[count];
        var target = MemoryMarshal.AsBytes(elements.AsSpan());
        ReadBytes(target.Length).CopyTo(target);
        if (!BitConverter.IsLittleEndian && size > 1)
        {
            for (var offset = 0; offset < target.Length; offset += size) target.Slice(offset, size).Reverse();
        }

        return elements;
    }

    private bool[] ReadLogicals(int count)
    {
        var bytes = ReadBytes(count);
        var values = new bool[count];
        for (var i = 0; i < count; i++) values[i] = bytes[i] != 0;
        return values;
    }

    /// <summary>
    /// MATLAB chars are 16-bit code units. A row (1×n or 1-D) or an empty char array is text, as DataJoint-Python returns it;
    /// a char matrix stays a <c>char[,]</c>.
    /// </summary>
    private object? ReadChars(int count, int[] dims)
    {
        var units = ReadRaw<ushort>(count);
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)units[i];
        var isText = dims.Length <= 1 || (dims.Length == 2 && dims[0] == 1) || count == 0;
        return isText ? new string(chars) : ColumnMajor.Shape(chars, dims);
    }

    private object?[] ReadElements(int count)
    {
        if (count > Remaining / MinSizedElement) throw Truncated((long)count * MinSizedElement);
        var elements = new object?[count];
        for (var i = 0; i < count; i++) elements[i] = ReadSized();
        return elements;
    }

    /// <summary>Python's <c>read_int</c>: uint16 byte count, little-endian two's complement. A long when it fits, else a BigInteger.</summary>
    private object ReadInteger()
    {
        var bytes = ReadBytes(ReadUInt16());
        if (bytes.Length <= 8)
        {
            Span<byte> full = stackalloc byte[8];
            full.Fill(bytes.Length > 0 && (sbyte)bytes[^1] < 0 ? (byte)0xFF : (byte)0);
            bytes.CopyTo(full);
            return BinaryPrimitives.ReadInt64LittleEndian(full);
        }

        var big = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big;
    }

    private string ReadString()
    {
        var start = _position - 1;
        var bytes = ReadBytes(ReadCount("string length"));
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BlobException($"The string at byte {start} is not valid UTF-8; the blob is corrupt.", ex);
        }
    }

    private decimal ReadDecimal()
    {
        var start = _position - 1;
        var text = ReadString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        throw new BlobException($"The decimal at byte {start} is '{text}', which System.Decimal cannot hold (NaN, infinity, or beyond ±7.9e28).");
    }

    /// <summary>Python's <c>read_datetime</c>: a DateTime when both parts are present, a DateOnly or TimeOnly for one, null for neither.</summary>
    private object? ReadDateTime()
    {
        var start = _position - 1;
        var date = BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));
        var time = BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));
        try
        {
            DateOnly? day = date >= 0 ? new DateOnly(date / 10000, date / 100 % 100, date % 100) : null;
            TimeOnly? clock = time >= 0
                ? new TimeOnly((int)(time / 10_000_000_000 % 100), (int)(time / 100_000_000 % 100), (int)(time / 1_000_000 % 100))
                    .Add(TimeSpan.FromMicroseconds(time % 1_000_000))
                : null;
            return (day, clock) switch
            {
                ({ } d, { } t) => d.ToDateTime(t),
                ({ } d, null) => d,
                (null, { } t) => t,
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new BlobException($"The date/time at byte {start} ({date}, {time}) is not a valid date or time; the blob is corrupt.", ex);
        }
    }

    private string ReadZeroTerminatedString()
    {
        var end = _data[_position..].IndexOf((byte)0);
        if (end < 0) throw new BlobException($"The blob is truncated: a field name at byte {_position} has no terminating NUL.");
        var name = ReadBytes(end);
        _position++;
        try
        {
            return StrictUtf8.GetString(name);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BlobException($"The field name at byte {_position - end - 1} is not valid UTF-8; the blob is corrupt.", ex);
        }
    }

    /// <summary>
    /// A uint64 element count of a collection whose elements each take <paramref name="perElement"/> sized values, checked
    /// before anything is allocated for it: every sized value takes at least <see cref="MinSizedElement"/> bytes.
    /// </summary>
    private int ReadElementCount(string what, int perElement)
    {
        var at = _position;
        var value = ReadUInt64();
        if (value > (ulong)(Remaining / (MinSizedElement * perElement)))
        {
            throw new BlobException($"The blob is truncated or corrupt: the {what} at byte {at} is {value}, but only {Remaining} bytes follow "
                + $"(each element takes at least {MinSizedElement * perElement}).");
        }

        return (int)value;
    }

    /// <summary>A uint64 count or length, which can never exceed the bytes left.</summary>
    private int ReadCount(string what)
    {
        var at = _position;
        var value = ReadUInt64();
        if (value > (ulong)Remaining)
        {
            throw new BlobException($"The blob is truncated or corrupt: the {what} at byte {at} is {value}, but only {Remaining} bytes follow.");
        }

        return (int)value;
    }

    private ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

    private double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));

    private byte ReadByte() => ReadBytes(1)[0];

    private ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count > Remaining) throw Truncated(count);
        var bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }

    private readonly BlobException Truncated(long needed) =>
        new($"The blob is truncated: {needed} more bytes are needed at byte {_position}, but only {Remaining} are left.");

    private static BlobException Unsupported(byte code, int start, string what) =>
        new($"The blob holds {what} (type code '{(char)code}') at byte {start}, which DataJoint for .NET cannot unpack yet.");
}
