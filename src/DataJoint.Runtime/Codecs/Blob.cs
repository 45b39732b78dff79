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
/// Every value keeps its type both ways: what DataJoint-Python packs unpacks to the .NET value below, and that value
/// packs back to the same bytes (and the reverse). Where a plain .NET value would mean another Python type, a typed
/// wrapper keeps the NumPy or MATLAB type: <see cref="NDArray{T}"/>, <see cref="MatCell"/>, <see cref="MatStruct"/>.
/// </para>
/// <list type="table">
/// <listheader><term>Python / NumPy / MATLAB</term><description>.NET (what <see cref="Unpack(byte[])"/> returns; <see cref="Pack"/> also accepts the alternatives)</description></listheader>
/// <item><term>None, bool, float, complex, str, bytes</term><description>null, bool, double, Complex, string, byte[] (Pack: also float → float, char → str)</description></item>
/// <item><term>int</term><description>long, BigInteger beyond 64 bits (Pack: any integer type)</description></item>
/// <item><term>Decimal, datetime, date, time, UUID</term><description>decimal, DateTime, DateOnly, TimeOnly, Guid</description></item>
/// <item><term>tuple, list, set, dict</term><description>object?[], List&lt;object?&gt;, HashSet&lt;object?&gt;, Dictionary&lt;string, object?&gt;
/// (Dictionary&lt;object, object?&gt; when a key is not a string) (Pack: also value tuples, other lists, ISet&lt;object?&gt;, dictionaries)</description></item>
/// <item><term>numeric or bool array, 1-D or more (float64…uint64, bool, complex128)</term><description>T[], T[,] or higher rank (double, float,
/// sbyte…ulong, bool, Complex) (Pack: also List&lt;T&gt; of numbers or bools, and NDArray&lt;T&gt;)</description></item>
/// <item><term>1-D uint8 array</term><description>NDArray&lt;byte&gt; (a byte[] is bytes; byte[,] and higher ranks are plain)</description></item>
/// <item><term>0-d array, NumPy scalar (np.float64(3.0), np.int32(7), np.bool_(True), np.complex128(1+2j))</term><description>NDArray&lt;T&gt; with an empty shape</description></item>
/// <item><term>string array (dtype U; stored as an object array of str)</term><description>string[], string[,] or higher rank; NDArray&lt;string&gt; when 0-d</description></item>
/// <item><term>other object array</term><description>NDArray&lt;object?&gt; for 0-d and 1-D (object?[] is a tuple), object?[,] or higher rank otherwise
/// (Pack: also NDArray&lt;T&gt; of any reference type)</description></item>
/// <item><term>MATLAB char array</term><description>string for a row, char[,] for a matrix (Pack: char[] and char[,] as MATLAB chars)</description></item>
/// <item><term>MATLAB cell array (MatCell)</term><description><see cref="MatCell"/></description></item>
/// <item><term>MATLAB struct array (MatStruct)</term><description><see cref="MatStruct"/> (a struct without fields cannot be packed: Python cannot read it back)</description></item>
/// </list>
/// <para>
/// complex64 arrays unpack as complex128 (<see cref="System.Numerics.Complex"/>), as in Python, and MATLAB char arrays
/// read back as text, so neither re-packs to its original bytes, in Python either. Sparse arrays, record arrays and
/// datetime64 arrays are refused with a <see cref="BlobException"/> naming the type code; a .NET value without an
/// encoding is refused with one naming its type.
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
        var blob = writer.ToArray();
        if (writer.UsesDj0) Dj0Header.CopyTo(blob);
        return compress && blob.Length > CompressionThreshold ? Compress(blob) : blob;
    }

    /// <summary>The largest blob, in bytes once inflated, that <see cref="Unpack(byte[])"/> reads by default (1 GiB; setting <c>blob.max_size</c>).</summary>
    public const long DefaultMaxSize = 1L << 30;

    // Deflate cannot inflate one input byte to more than 1032 bytes; a header declaring more than that is corrupt.
    private const long MaxDeflateRatio = 1032;

    /// <summary>Deserializes a blob written by DataJoint-Python, MATLAB (mYm) or <see cref="Pack"/>, compressed or not.</summary>
    /// <param name="data">The blob's bytes.</param>
    /// <returns>The value (see the remarks of <see cref="Blob"/> for the .NET types returned).</returns>
    /// <remarks>
    /// Reads blobs up to <see cref="DefaultMaxSize"/> bytes, or, inside a fetch, the connection's <c>blob.max_size</c>
    /// (<see cref="BlobSettings.MaxSize"/>).
    /// </remarks>
    /// <exception cref="BlobException">The bytes are not a DataJoint blob, are truncated or corrupt, are larger than the
    /// limit, or hold a type this port cannot read.</exception>
    public static object? Unpack(byte[] data) => Unpack(data, RowReadScope.MaxBlobSize);

    /// <summary>
    /// Deserializes a blob as <see cref="Unpack(byte[])"/> does, refusing one larger than <paramref name="maxSize"/> bytes
    /// (once inflated) before allocating for it. Every size the blob declares is checked against the bytes that follow, so
    /// a corrupt or hostile header fails at once, without a large allocation.
    /// </summary>
    /// <param name="data">The blob's bytes.</param>
    /// <param name="maxSize">The largest blob to read, in bytes once inflated.</param>
    /// <exception cref="BlobException">As <see cref="Unpack(byte[])"/>.</exception>
    public static object? Unpack(byte[] data, long maxSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        if (data.Length > maxSize) throw TooLarge(data.Length, maxSize, "is");
        ReadOnlySpan<byte> blob = data.AsSpan().StartsWith(ZlibHeader) ? Decompress(data, maxSize) : data;
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

    private static BlobException TooLarge(long size, long maxSize, string verb) =>
        new($"The blob {verb} {size} bytes, more than the limit of {maxSize} (setting blob.max_size); raise the limit to read it, "
            + "or the blob is corrupt.");

    /// <summary>
    /// The compressed form, or <paramref name="blob"/> itself when compression would not make it shorter: the output goes into
    /// a buffer no larger than the blob, and compression stops as soon as it would overflow.
    /// </summary>
    private static byte[] Compress(byte[] blob)
    {
        var buffer = new byte[blob.Length];
        using var output = new MemoryStream(buffer, 0, buffer.Length, writable: true, publiclyVisible: true);
        try
        {
            output.Write(ZlibHeader);
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)blob.Length);
            output.Write(length);
            using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(blob);
            }
        }
        catch (NotSupportedException)
        {
            return blob; // the fixed buffer is full: the compressed form is not shorter
        }

        return output.Position < blob.Length ? buffer.AsSpan(0, (int)output.Position).ToArray() : blob;
    }

    /// <summary>
    /// <c>ZL123\0</c>, the uncompressed length as uint64, then a zlib stream that must inflate to exactly that length. The
    /// declared length is checked against the limit and against what the compressed bytes can inflate to, and the buffer
    /// grows with the inflated data instead of being allocated from the header, so a lying header costs nothing.
    /// </summary>
    private static byte[] Decompress(byte[] data, long maxSize)
    {
        var start = ZlibHeader.Length + 8;
        if (data.Length < start)
        {
            throw new BlobException($"The compressed blob is truncated: {data.Length} bytes, fewer than its {start}-byte header.");
        }

        var size = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(ZlibHeader.Length, 8));
        if (size > (ulong)maxSize) throw TooLarge(size > long.MaxValue ? long.MaxValue : (long)size, maxSize, "declares");
        var payload = data.Length - start;
        if (size > (ulong)Array.MaxLength || size > (ulong)(payload * MaxDeflateRatio))
        {
            throw new BlobException($"The compressed blob declares {size} bytes, more than its {payload} compressed bytes can inflate to; it is corrupt.");
        }

        var blob = new byte[(int)Math.Min(size, (ulong)Math.Max(4096L, payload * 4L))];
        try
        {
            using var input = new MemoryStream(data, start, payload, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var read = 0;
            while (true)
            {
                read += zlib.ReadAtLeast(blob.AsSpan(read), blob.Length - read, throwOnEndOfStream: false);
                if (read < blob.Length || (ulong)read == size) break;
                Array.Resize(ref blob, (int)Math.Min(size, (ulong)blob.Length * 2));
            }

            if ((ulong)read != size || zlib.ReadByte() >= 0)
            {
                throw new BlobException($"Blob size mismatch: the compressed blob declares {size} bytes but inflates to "
                    + ((ulong)read != size ? $"{read}." : "more."));
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
