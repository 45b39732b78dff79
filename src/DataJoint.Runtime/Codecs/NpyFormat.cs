using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace DataJoint;

/// <summary>
/// NumPy's <c>.npy</c> file format (version 1.0, 2.0 and 3.0 headers), written byte for byte as <c>np.save</c> writes it
/// (C order, little-endian, the header padded for in-place growth and aligned to 64 bytes) and read as
/// <c>np.load(allow_pickle=False)</c> reads it, Fortran order and big-endian files included.
/// </summary>
internal static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // numpy.lib.format: GROWTH_AXIS_MAX_DIGITS spare spaces, ARRAY_ALIGN alignment of the data.
    private const int GrowthAxisMaxDigits = 21;
    private const int ArrayAlign = 64;
    private const int ReadChunk = 1 << 20;

    /// <summary>The dtypes a .NET element type stores as (and reads back as).</summary>
    public static readonly IReadOnlyList<NpyDtype> Dtypes =
    [
        new NpyDtype<double>("f8", "float64"), new NpyDtype<float>("f4", "float32"),
        new NpyDtype<sbyte>("i1", "int8"), new NpyDtype<short>("i2", "int16"), new NpyDtype<int>("i4", "int32"), new NpyDtype<long>("i8", "int64"),
        new NpyDtype<byte>("u1", "uint8"), new NpyDtype<ushort>("u2", "uint16"), new NpyDtype<uint>("u4", "uint32"), new NpyDtype<ulong>("u8", "uint64"),
        new NpyDtype<bool>("b1", "bool"), new NpyDtype<Complex>("c16", "complex128"),
    ];

    /// <summary>The element types <c>&lt;npy@&gt;</c> takes, for messages.</summary>
    public static string Supported => "double, float, sbyte, short, int, long, byte, ushort, uint, ulong, bool, Complex";

    public static NpyDtype? ForElementType(Type type) => Dtypes.FirstOrDefault(d => d.ElementType == type);

    public static NpyDtype? ForName(string name) => Dtypes.FirstOrDefault(d => d.Name == name);

    /// <summary>The array's elements in C order, their dtype and shape; null when <paramref name="value"/> is not an array of a supported element type.</summary>
    public static (Array Elements, NpyDtype Dtype, int[] Shape)? Describe(object value) => value switch
    {
        IBlobArray nd when ForElementType(nd.ElementType) is { } dtype => (nd.RowMajor, dtype, nd.Dims),
        Array array when array.GetType().GetElementType() is { } type && ForElementType(type) is { } dtype =>
            (array, dtype, ColumnMajor.Dimensions(array)),
        _ => null,
    };

    /// <summary>The whole <c>.npy</c> file of a C-order array (elements in memory order, as .NET arrays of any rank hold them).</summary>
    public static byte[] Encode(Array elements, NpyDtype dtype, int[] shape)
    {
        var header = Header(dtype, shape);
        var data = Bytes(elements, dtype);
        var file = new byte[header.Length + data.Length];
        header.CopyTo(file, 0);
        data.CopyTo(file.AsSpan(header.Length));
        return file;
    }

    /// <summary>The header <c>np.save</c> writes (magic, version, length, the dict padded with spaces and a newline).</summary>
    public static byte[] Header(NpyDtype dtype, IReadOnlyList<int> shape)
    {
        var dict = new StringBuilder("{'descr': '").Append(dtype.Descr).Append("', 'fortran_order': False, 'shape': ")
            .Append(ShapeText(shape)).Append(", }");
        if (shape.Count > 0) dict.Append(' ', GrowthAxisMaxDigits - shape[0].ToString(CultureInfo.InvariantCulture).Length);
        var text = Encoding.Latin1.GetBytes(dict.ToString());
        var version = text.Length + 1 + 10 < ushort.MaxValue ? 1 : 2;
        var prefix = Magic.Length + 2 + (version == 1 ? 2 : 4);
        var padding = ArrayAlign - ((prefix + text.Length + 1) % ArrayAlign);
        var headerLength = text.Length + padding + 1;
        var header = new byte[prefix + headerLength];
        Magic.CopyTo(header, 0);
        header[6] = (byte)version;
        if (version == 1) BitConverter.TryWriteBytes(header.AsSpan(8, 2), (ushort)headerLength);
        else BitConverter.TryWriteBytes(header.AsSpan(8, 4), headerLength);
        text.CopyTo(header, prefix);
        header.AsSpan(prefix + text.Length, padding).Fill((byte)' ');
        header[^1] = (byte)'\n';
        return header;
    }

    /// <summary>NumPy's repr of a shape: <c>()</c>, <c>(3,)</c>, <c>(2, 3)</c>.</summary>
    public static string ShapeText(IReadOnlyList<int> shape) => shape.Count == 1
        ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
        : "(" + string.Join(", ", shape.Select(n => n.ToString(CultureInfo.InvariantCulture))) + ")";

    /// <summary>Reads a <c>.npy</c> file from <paramref name="stream"/> as an <see cref="NDArray{T}"/> of its dtype; <paramref name="where"/> names it in messages.</summary>
    /// <exception cref="DataJointException">The content is not a <c>.npy</c> file, or its dtype has no .NET element type here.</exception>
    public static async ValueTask<object> Read(Stream stream, string where, bool sync, CancellationToken ct)
    {
        var prefix = new byte[8];
        await Fill(stream, prefix, where, sync, ct).ConfigureAwait(false);
        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic) || prefix[6] is < 1 or > 3)
        {
            throw new DataJointException($"{where} is not a NumPy .npy file (its first bytes are not \\x93NUMPY with version 1, 2 or 3).");
        }

        var lengthBytes = new byte[prefix[6] == 1 ? 2 : 4];
        await Fill(stream, lengthBytes, where, sync, ct).ConfigureAwait(false);
        var headerLength = lengthBytes.Length == 2 ? BitConverter.ToUInt16(lengthBytes) : BitConverter.ToInt32(lengthBytes);
        var headerBytes = new byte[headerLength];
        await Fill(stream, headerBytes, where, sync, ct).ConfigureAwait(false);
        var header = (prefix[6] == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (dtype, bigEndian, fortran, shape) = ParseHeader(header, where);

        long count = 1;
        foreach (var n in shape) count *= n;
        if (count * dtype.Size > int.MaxValue) throw new DataJointException($"{where} holds {count} elements, more than one .NET array can hold.");
        var elements = dtype.NewElements((int)count);
        var bytes = elements.Length * dtype.Size;
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        try
        {
            for (var offset = 0; offset < bytes;)
            {
                var chunk = Math.Min(ReadChunk, bytes - offset);
                await Fill(stream, buffer.AsMemory(0, chunk), where, sync, ct).ConfigureAwait(false);
                buffer.AsSpan(0, chunk).CopyTo(Bytes(elements, dtype)[offset..]);
                offset += chunk;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (bigEndian) dtype.SwapBytes(Bytes(elements, dtype));
        return dtype.Wrap(fortran ? dtype.ToRowMajor(elements, shape) : elements, shape);
    }

    private static (NpyDtype Dtype, bool BigEndian, bool Fortran, int[] Shape) ParseHeader(string header, string where)
    {
        var descr = DescrEntry().Match(header);
        var fortran = FortranEntry().Match(header);
        var shape = ShapeEntry().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new DataJointException($"{where} has a .npy header without 'descr', 'fortran_order' or 'shape': {header.Trim()}");
        }

        var order = descr.Groups[1].Value;
        var dtype = Dtypes.FirstOrDefault(d => d.Descr[1..] == descr.Groups[2].Value)
            ?? throw new DataJointException($"{where} holds dtype '{order}{descr.Groups[2].Value}', which has no .NET element type here "
                + $"(supported: {string.Join(", ", Dtypes.Select(d => d.Name))}).");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => int.Parse(n.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return (dtype, order == ">" && dtype.Size > 1, fortran.Groups[1].Value == "True", dims);
    }

    private static Span<byte> Bytes(Array elements, NpyDtype dtype) =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(elements), elements.Length * dtype.Size);

    private static async ValueTask Fill(Stream stream, Memory<byte> target, string where, bool sync, CancellationToken ct)
    {
        while (target.Length > 0)
        {
            var read = sync ? stream.Read(target.Span) : await stream.ReadAsync(target, ct).ConfigureAwait(false);
            if (read == 0) throw new DataJointException($"{where} ends before the array it describes: the .npy file is truncated.");
            target = target[read..];
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([<>|=])([A-Za-z]\d*)'")]
    private static partial Regex DescrEntry();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranEntry();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeEntry();
}
