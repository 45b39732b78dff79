using System.Buffers.Binary;
using System.IO.Compression;

namespace DataJoint;

/// <summary>
/// DataJoint's binary serialization, the format of <c>&lt;blob&gt;</c> attributes and of the job table's
/// <c>error_stack</c>, byte-compatible with DataJoint-Python (<c>datajoint/blob.py</c>) and MATLAB's mYm.
/// </summary>
/// <remarks>
/// <para>
/// A blob is a protocol header (<c>mYm\0</c> when it holds only numeric, logical or char arrays, <c>dj0\0</c>
/// otherwise) and one value: a one-byte type code, then its content with lengths as uint64 little-endian. Collection
/// elements are each prefixed by their byte length. <see cref="Pack"/> wraps blobs longer than
/// <see cref="CompressionThreshold"/> bytes as <c>ZL123\0</c> + uint64 length + zlib data when that is shorter.
/// </para>
/// <para>
/// .NET → Python: null → None; bool → bool; sbyte…ulong, BigInteger → int; float, double → float; decimal → Decimal;
/// Complex → complex; string, char → str; byte[] → bytes; DateTime, DateOnly, TimeOnly → datetime, date, time;
/// Guid → UUID; numeric, bool, char and Complex arrays of any rank and <c>List&lt;T&gt;</c> of numbers or bools →
/// NumPy arrays (a 1-D .NET array is a 1-D array, <c>T[,]</c> keeps its rows and columns); other multidimensional
/// arrays → object arrays; <c>object?[]</c> and value tuples → tuple; other lists → list; <c>ISet&lt;object?&gt;</c>
/// → set; dictionaries → dict.
/// </para>
/// <para>
/// Python → .NET (<see cref="Unpack"/>): None → null; bool → bool; int → long (BigInteger beyond 64 bits);
/// float → double; complex → Complex; str → string; bytes → byte[]; Decimal → decimal; datetime/date/time →
/// DateTime/DateOnly/TimeOnly; UUID → Guid; tuple → object?[]; list → List&lt;object?&gt;; set → HashSet&lt;object?&gt;;
/// dict → Dictionary&lt;string, object?&gt; (Dictionary&lt;object, object?&gt; when a key is not a string); arrays →
/// T[] for 1-D, T[,] (or higher rank) otherwise, the element for a 0-d array, Complex elements when complex; MATLAB char
/// rows → string; cell arrays and object arrays → object?[] / object?[,]; struct arrays → arrays of
/// Dictionary&lt;string, object?&gt;. Sparse arrays, record arrays and datetime64 arrays are refused with a
/// <see cref="BlobException"/> naming the type code.
/// </para>
/// </remarks>
public static class Blob
{
    /// <summary>Blobs longer than this many bytes are compressed by <see cref="Pack"/> (when compression makes them shorter).</summary>
    public const int CompressionThreshold = 1000;

    private static ReadOnlySpan<byte> MymHeader => "mYm\0"u8;

    private static ReadOnlySpan<byte> Dj0Header => "dj0\0"u8;

    private static ReadOnlySpan<byte> ZlibHeader => "ZL123\0"u8;

    /// <summary>Serializes <paramref name="value"/> exactly as DataJoint-Python's <c>blob.pack</c> serializes the matching Python value.</summary>
    /// <param name="value">The value (see the remarks of <see cref="Blob"/> for the supported types).</param>
    /// <param name="compress">Compress with zlib when the blob exceeds <see cref="CompressionThreshold"/> bytes and compression helps.</param>
    /// <exception cref="BlobException">The value, or something inside it, has a type without a blob encoding.</exception>
    public static byte[] Pack(object? value, bool compress = true)
    {
        var writer = new BlobWriter();
        writer.WriteRaw(MymHeader);
        writer.Write(value);
        var blob = writer.Written.ToArray();
        if (writer.UsesDj0) Dj0Header.CopyTo(blob);
        if (compress && blob.Length > CompressionThreshold)
        {
            var compressed = Compress(blob);
            if (compressed.Length < blob.Length) return compressed;
        }

        return blob;
    }

    /// <summary>Deserializes a blob written by DataJoint-Python, MATLAB (mYm) or <see cref="Pack"/>, compressed or not.</summary>
    /// <param name="data">The blob's bytes.</param>
    /// <returns>The value (see the remarks of <see cref="Blob"/> for the .NET types returned).</returns>
    /// <exception cref="BlobException">The bytes are not a DataJoint blob, are truncated or corrupt, or hold a type this port cannot read.</exception>
    public static object? Unpack(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ReadOnlySpan<byte> blob = data.AsSpan().StartsWith(ZlibHeader) ? Decompress(data) : data;
        if (!blob.StartsWith(MymHeader) && !blob.StartsWith(Dj0Header))
        {
            throw new BlobException($"Not a DataJoint blob: it starts with {Hex(blob[..Math.Min(blob.Length, 6)])} instead of the protocol header "
                + "\"mYm\\0\" or \"dj0\\0\" (or \"ZL123\\0\" when compressed).");
        }

        var reader = new BlobReader(blob, MymHeader.Length);
        var value = reader.ReadValue();
        if (reader.Position != blob.Length)
        {
            throw new BlobException($"Blob length check failed: {blob.Length - reader.Position} bytes follow the value, which ends at byte {reader.Position}.");
        }

        return value;
    }

    private static byte[] Compress(byte[] blob)
    {
        using var output = new MemoryStream(blob.Length / 2 + 32);
        output.Write(ZlibHeader);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)blob.Length);
        output.Write(length);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(blob);
        }

        return output.ToArray();
    }

    /// <summary><c>ZL123\0</c>, the uncompressed length as uint64, then a zlib stream that must inflate to exactly that length.</summary>
    private static byte[] Decompress(byte[] data)
    {
        var start = ZlibHeader.Length + 8;
        if (data.Length < start)
        {
            throw new BlobException($"The compressed blob is truncated: {data.Length} bytes, fewer than its {start}-byte header.");
        }

        var size = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(ZlibHeader.Length, 8));
        if (size > (ulong)Array.MaxLength)
        {
            throw new BlobException($"The compressed blob declares {size} bytes, more than a .NET array holds; it is corrupt.");
        }

        var blob = new byte[size];
        try
        {
            using var input = new MemoryStream(data, start, data.Length - start, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var read = zlib.ReadAtLeast(blob, blob.Length, throwOnEndOfStream: false);
            if (read != blob.Length || zlib.ReadByte() >= 0)
            {
                throw new BlobException($"Blob size mismatch: the compressed blob declares {size} bytes but inflates to "
                    + (read != blob.Length ? $"{read}." : "more."));
            }

            if (data.Length < start + 6 || BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4)) != Adler32.Compute(blob))
            {
                throw new BlobException("The compressed blob is corrupt or truncated: its zlib checksum does not match the inflated data.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new BlobException("The compressed blob is corrupt: its zlib data cannot be inflated.", ex);
        }

        return blob;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? "nothing (0 bytes)" : "0x" + Convert.ToHexString(bytes);
}
