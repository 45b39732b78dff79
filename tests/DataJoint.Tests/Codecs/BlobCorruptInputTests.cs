using static DataJoint.Tests.Codecs.PythonBlobVectors;

namespace DataJoint.Tests.Codecs;

/// <summary>Bad bytes fail with a <see cref="BlobException"/> that says what is wrong, never an index or cast error.</summary>
[Category("Unit")]
public sealed class BlobCorruptInputTests
{
    private static string UnpackError(string hex) => Assert.Throws<BlobException>(() => Blob.Unpack(Bytes(hex)))!.Message;

    [Test]
    public void AWrongHeaderIsNotADataJointBlob()
    {
        Assert.That(UnpackError("616263000d0000000000000c40"), Does.Contain("Not a DataJoint blob").And.Contain("0x616263000D00"));
        Assert.That(UnpackError(""), Does.Contain("Not a DataJoint blob"));
        Assert.That(Assert.Throws<BlobException>(() => Blob.Unpack("stack text"u8.ToArray()))!.Message, Does.Contain("mYm"));
    }

    [Test]
    public void EveryTruncationOfAValidBlobIsReported()
    {
        var blob = Blob.Pack(new Dictionary<string, object?>
        {
            ["a"] = new List<object?> { 1L, "text", new[,] { { 1.0, 2.0 } } }, ["b"] = new DateTime(2024, 1, 2), ["c"] = Guid.NewGuid(),
        });

        for (var length = 0; length < blob.Length; length++)
        {
            Assert.Throws<BlobException>(() => Blob.Unpack(blob[..length]), $"cut to {length} of {blob.Length} bytes");
        }
    }

    [Test]
    public void TrailingBytesFailTheLengthCheck()
    {
        Assert.That(UnpackError("646a3000" + "ff" + "00"), Does.Contain("length check").And.Contain("1 bytes follow"));
    }

    [Test]
    public void AnElementWhoseDeclaredLengthIsWrongFailsTheLengthCheck()
    {
        // [1] with the element length 5 instead of 4.
        Assert.That(UnpackError("646a3000" + "02" + "0100000000000000" + "0500000000000000" + "0a010001" + "00"), Does.Contain("length check"));
    }

    [Test]
    public void UnknownAndUnsupportedTypeCodesAreNamed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UnpackError("646a3000" + "42"), Does.Contain("Unknown blob type code 0x42"));
            Assert.That(UnpackError("6d596d00" + "50"), Does.Contain("sparse").And.Contain("'P'"));
            Assert.That(UnpackError("646a3000" + "46" + "00000000"), Does.Contain("record array").And.Contain("'F'"));
            // A datetime64[Y] array (class 65536) and a MATLAB function handle (class 16).
            Assert.That(UnpackError("646a3000" + "41" + "0100000000000000" + "0100000000000000" + "00000100" + "00000000" + "0000000000000000"),
                Does.Contain("datetime64").And.Contain("65536"));
            Assert.That(UnpackError("6d596d00" + "41" + "0100000000000000" + "0100000000000000" + "10000000" + "00000000"),
                Does.Contain("class id 16"));
        });
    }

    [Test]
    public void HugeDeclaredSizesAreRejectedBeforeAllocating()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UnpackError("646a3000" + "05" + "ffffffffffffff7f" + "61"), Does.Contain("string length"));
            Assert.That(UnpackError("646a3000" + "02" + "00e1f50500000000"), Does.Contain("list length"));
            Assert.That(UnpackError("6d596d00" + "41" + "0200000000000000" + "00000001000000ff" + "0000000100000000"), Does.Contain("more elements"));
            Assert.That(UnpackError("6d596d00" + "41" + "0100000000000000" + "00e1f50500000000" + "06000000" + "00000000"), Does.Contain("truncated"));
        });
    }

    [Test]
    public void BrokenCompressedBlobsAreReported()
    {
        var packed = Blob.Pack(new string('x', 3000));
        var wrongSize = (byte[])packed.Clone();
        wrongSize[6]++;
        var brokenStream = (byte[])packed.Clone();
        brokenStream[14] ^= 0xFF;

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<BlobException>(() => Blob.Unpack(wrongSize))!.Message, Does.Contain("size mismatch"));
            Assert.That(Assert.Throws<BlobException>(() => Blob.Unpack(brokenStream))!.Message, Does.Contain("corrupt"));
            Assert.That(Assert.Throws<BlobException>(() => Blob.Unpack(packed[..10]))!.Message, Does.Contain("truncated"));
            Assert.That(Assert.Throws<BlobException>(() => Blob.Unpack(packed[..^4]))!.Message, Does.Contain("checksum"), "zlib trailer cut off");
            Assert.That(Assert.Throws<BlobException>(() => Blob.Unpack([.. packed[..^1], (byte)(packed[^1] ^ 1)]))!.Message, Does.Contain("corrupt"));
        });
    }

    [Test]
    public void InvalidTextIsReported()
    {
        Assert.That(UnpackError("646a3000" + "05" + "0100000000000000" + "ff"), Does.Contain("not valid UTF-8"));
        Assert.That(UnpackError("646a3000" + "64" + "0300000000000000" + "4e614e"), Does.Contain("'NaN'"));
        // Date 0x7FFFFFFF reads as year 214748, month 36.
        Assert.That(UnpackError("646a3000" + "74" + "ffffff7f" + "ffffffffffffffff"), Does.Contain("not a valid date"));
    }
}
