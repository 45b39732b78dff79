using System.Buffers.Binary;
using System.IO.Compression;
using static DataJoint.Tests.Codecs.PythonBlobVectors;

namespace DataJoint.Tests.Codecs;

/// <summary>The <c>ZL123\0</c> wrapper: only above 1000 bytes, only when shorter, and Python's compressed blobs decode.</summary>
[Category("Unit")]
public sealed class BlobCompressionTests
{
    // A str blob is 4 (header) + 1 (code) + 8 (length) + n bytes.
    private const int StringOverhead = 13;

    [Test]
    public void PythonsCompressedBlobDecodes()
    {
        // blob.pack('x' * 2000) from DataJoint-Python (zlib 1.2.13, level 6): "ZL123\0", uint64 2013 (0x7DD, the uncompressed
        // dj0 str blob), then zlib.compress of that blob.
        const string python = "5a4c313233 00 dd07000000000000 789c4bc9326060bdc0ce000615a360148c8251300a46c12818f200005a48ab88";

        Assert.That(Blob.Unpack(Bytes(python)), Is.EqualTo(new string('x', 2000)));
    }

    [Test]
    public void BlobsOfAtMostThresholdBytesStayUncompressed()
    {
        var atThreshold = Blob.Pack(new string('x', Blob.CompressionThreshold - StringOverhead));
        var overThreshold = Blob.Pack(new string('x', Blob.CompressionThreshold - StringOverhead + 1));

        Assert.That(atThreshold, Has.Length.EqualTo(Blob.CompressionThreshold));
        Assert.That(atThreshold[..4], Is.EqualTo("dj0\0"u8.ToArray()));
        Assert.That(overThreshold[..6], Is.EqualTo("ZL123\0"u8.ToArray()));
        Assert.That(overThreshold, Has.Length.LessThan(100));
    }

    [Test]
    public void TheWrapperHoldsTheUncompressedLengthAndAZlibStream()
    {
        var text = new string('y', 5000);
        var plain = Blob.Pack(text, compress: false);
        var packed = Blob.Pack(text);

        Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(packed.AsSpan(6, 8)), Is.EqualTo((ulong)plain.Length));
        using var zlib = new ZLibStream(new MemoryStream(packed, 14, packed.Length - 14), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        Assert.That(inflated.ToArray(), Is.EqualTo(plain), "Python's zlib.decompress reads the same stream");
        Assert.That(Blob.Unpack(packed), Is.EqualTo(text));
    }

    [Test]
    public void CompressionIsSkippedWhenOffOrWhenItDoesNotHelp()
    {
        var random = new byte[3000];
        new Random(7).NextBytes(random);

        Assert.That(Blob.Pack(random)[..4], Is.EqualTo("dj0\0"u8.ToArray()), "incompressible: the compressed form would be longer");
        Assert.That(Blob.Pack(new string('x', 5000), compress: false)[..4], Is.EqualTo("dj0\0"u8.ToArray()));
        Assert.That(Blob.Unpack(Blob.Pack(random)), Is.EqualTo(random));
    }
}
