using System.Buffers.Binary;
using System.IO.Compression;

namespace DataJoint.Tests.Limits;

/// <summary>Corrupt blobs whose headers declare about 2 GB (zip bombs, lying shapes and counts) with almost nothing behind them.</summary>
internal static class HostileBlobs
{
    public const ulong Declared = 2_000_000_000;

    public static IEnumerable<TestCaseData> All()
    {
        yield return Case("compressed, declared length 2 GB", Compressed(Declared, Blob.Pack(1.0, compress: false)));
        yield return Case("compressed, declared length 2 GB, bytes of real zeros", Compressed(Declared, new byte[64 * 1024]));
        yield return Case("double array 1 x 250M", Body(Array(6, [1, Declared / 8])));
        yield return Case("int8 array 2G", Body(Array(8, [Declared])));
        yield return Case("complex uint8 array 2G", Body(Array(9, [Declared], complex: true)));
        yield return Case("logical array 2G", Body(Array(3, [Declared])));
        yield return Case("char array 1G", Body(Array(4, [1, Declared / 2])));
        yield return Case("object array 250M", Body(Array(5, [Declared / 8])));
        yield return Case("cell 1 x 250M", Body(Shape((byte)'C', [1, Declared / 8])));
        yield return Case("struct 250M without fields", Body([.. Shape((byte)'S', [1, Declared / 8]), .. U32(0)]));
        yield return Case("struct 250M with one field", Body([.. Shape((byte)'S', [1, Declared / 8]), .. U32(1), (byte)'a', 0]));
        yield return Case("tuple of 2G", Body([0x01, .. U64(Declared)]));
        yield return Case("list of 2G", Body([0x02, .. U64(Declared)]));
        yield return Case("set of 2G", Body([0x03, .. U64(Declared)]));
        yield return Case("dict of 2G", Body([0x04, .. U64(Declared)]));
        yield return Case("string of 2G", Body([0x05, .. U64(Declared)]));
        yield return Case("bytes of 2G", Body([0x06, .. U64(Declared)]));
        yield return Case("compressed list of 2G", Compressed(Body([0x02, .. U64(Declared)])));
    }

    private static TestCaseData Case(string name, byte[] blob) => new TestCaseData(blob).SetArgDisplayNames(name);

    private static byte[] Body(byte[] value) => [.. "mYm\0"u8, .. value, .. new byte[16]];

    private static byte[] Array(uint classId, ulong[] dims, bool complex = false) =>
        [.. Shape((byte)'A', dims), .. U32(classId), .. U32(complex ? 1u : 0u)];

    private static byte[] Shape(byte code, ulong[] dims) => [code, .. U64((ulong)dims.Length), .. dims.SelectMany(U64)];

    private static byte[] Compressed(byte[] content) => Compressed((ulong)content.Length, content);

    /// <summary>A compressed blob whose header declares <paramref name="declared"/> bytes around <paramref name="content"/>.</summary>
    private static byte[] Compressed(ulong declared, byte[] content)
    {
        using var output = new MemoryStream();
        output.Write("ZL123\0"u8);
        output.Write(U64(declared));
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(content);
        return output.ToArray();
    }

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
