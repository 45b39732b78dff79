using System.Numerics;
using static DataJoint.Tests.Codecs.PythonBlobVectors;

namespace DataJoint.Tests.Codecs;

/// <summary>Byte-exact agreement with DataJoint-Python's blob format, both directions (vectors in <see cref="PythonBlobVectors"/>).</summary>
[Category("Unit")]
public sealed class BlobFormatTests
{
    [TestCaseSource(typeof(PythonBlobVectors), nameof(TwoWay))]
    public void PackWritesPythonsBytes(object? value, string pythonHex)
    {
        Assert.That(Convert.ToHexStringLower(Blob.Pack(value)), Is.EqualTo(pythonHex));
    }

    [TestCaseSource(typeof(PythonBlobVectors), nameof(TwoWay))]
    public void UnpackReadsPythonsBytes(object? expected, string pythonHex)
    {
        var value = Blob.Unpack(Bytes(pythonHex));

        Assert.That(value, Is.EqualTo(expected));
        Assert.That(value?.GetType(), Is.EqualTo(expected?.GetType()));
    }

    [Test]
    public void SmallerIntegerTypesPackAsPythonInt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Blob.Pack(300), Is.EqualTo(Blob.Pack(300L)));
            Assert.That(Blob.Pack((short)-129), Is.EqualTo(Blob.Pack(-129L)));
            Assert.That(Blob.Pack((byte)255), Is.EqualTo(Bytes("646a3000" + "0a" + "0200" + "ff00")));
            // 2**64-1: bit_length 64 -> 9 bytes, the ninth a zero sign byte.
            Assert.That(Blob.Pack(ulong.MaxValue), Is.EqualTo(Bytes("646a3000" + "0a" + "0900" + "ffffffffffffffff" + "00")));
            Assert.That(Blob.Unpack(Blob.Pack(ulong.MaxValue)), Is.EqualTo(new BigInteger(ulong.MaxValue)));
            Assert.That(Blob.Pack(2.5f), Is.EqualTo(Blob.Pack(2.5)), "a float is a Python float (float64)");
            Assert.That(Blob.Pack('x'), Is.EqualTo(Blob.Pack("x")));
            Assert.That(Blob.Pack(new List<int> { 1, 2 }), Is.EqualTo(Blob.Pack(new[] { 1, 2 })), "a List of numbers is a numeric array");
            Assert.That(Blob.Pack((1L, "a")), Is.EqualTo(Blob.Pack(new object?[] { 1L, "a" })), "a value tuple is a Python tuple");
        });
    }

    [Test]
    public void PythonOnlyShapesDecodeToTypedValues()
    {
        Assert.Multiple(() =>
        {
            // np.float64(2.5): a 0-d array (ndim 0, no dimensions), which switches to dj0; a plain double would be a Python float.
            Assert.That(Blob.Unpack(Bytes("646a3000" + "41" + "0000000000000000" + "06000000" + "00000000" + "0000000000000440")),
                Is.EqualTo(NDArray<double>.Scalar(2.5)));
            // np.array(True): 0-d logical.
            Assert.That(Blob.Unpack(Bytes("646a3000" + "41" + "0000000000000000" + "03000000" + "00000000" + "01")), Is.EqualTo(NDArray<bool>.Scalar(true)));
            // np.array([1, 255], dtype=uint8): class 9; a plain byte[] would be Python bytes.
            Assert.That(Blob.Unpack(Bytes("6d596d00" + "41" + "0100000000000000" + "0200000000000000" + "09000000" + "00000000" + "01ff")),
                Is.EqualTo(new NDArray<byte>([2], [1, 255])));
            // np.array(['ab', 'c']): a unicode array is packed as an object array (class 5) of sized str blobs, under dj0.
            Assert.That(Blob.Unpack(Bytes("646a3000" + "41" + "0100000000000000" + "0200000000000000" + "05000000" + "00000000"
                + "0b00000000000000" + "050200000000000000" + "6162" + "0a00000000000000" + "050100000000000000" + "63")),
                Is.EqualTo(new[] { "ab", "c" }).And.TypeOf<string[]>());
            // {1: 'a'}: a non-string key gives a Dictionary<object, object?>.
            Assert.That(Blob.Unpack(Bytes("646a3000" + "04" + "0100000000000000" + "0400000000000000" + "0a010001"
                + "0a00000000000000" + "050100000000000000" + "61")), Is.EqualTo(new Dictionary<object, object?> { [1L] = "a" }));
        });
    }

    [Test]
    public void MatlabStructuresDecode()
    {
        // A MATLAB 1x1 double 1.0 inside containers: 'A', ndim 2, dims 1 1, class 6, real.
        const string one = "41" + "0200000000000000" + "0100000000000000" + "0100000000000000" + "06000000" + "00000000" + "000000000000f03f";
        const string two = "41" + "0200000000000000" + "0100000000000000" + "0100000000000000" + "06000000" + "00000000" + "0000000000000040";
        Assert.Multiple(() =>
        {
            // 'hi': a 1x2 char array (class 4) of 16-bit code units is text.
            Assert.That(Blob.Unpack(Bytes("6d596d00" + "41" + "0200000000000000" + "0100000000000000" + "0200000000000000"
                + "04000000" + "00000000" + "68006900")), Is.EqualTo("hi"));
            // ['ab'; 'cd']: a 2x2 char matrix stays chars (column-major a c b d).
            Assert.That(Blob.Unpack(Bytes("6d596d00" + "41" + "0200000000000000" + "0200000000000000" + "0200000000000000"
                + "04000000" + "00000000" + "6100630062006400")), Is.EqualTo(new[,] { { 'a', 'b' }, { 'c', 'd' } }));
            // {1.0, 2.0}: 'C', ndim 2, dims 1 2, then sized elements (0x29 = 41 bytes each).
            Assert.That(Blob.Unpack(Bytes("6d596d00" + "43" + "0200000000000000" + "0100000000000000" + "0200000000000000"
                + "2900000000000000" + one + "2900000000000000" + two)),
                Is.EqualTo(MatCell.Row(new double[,] { { 1.0 } }, new double[,] { { 2.0 } })));
            // struct('a', 1.0): 'S', ndim 2, dims 1 1, uint32 field count 1, "a\0", then each element's sized field values.
            var structure = Blob.Unpack(Bytes("6d596d00" + "53" + "0200000000000000" + "0100000000000000" + "0100000000000000"
                + "01000000" + "6100" + "2900000000000000" + one));
            Assert.That(structure, Is.InstanceOf<MatStruct>());
            Assert.That(((MatStruct)structure!)[0, 0]["a"], Is.EqualTo(new double[,] { { 1.0 } }));
        });
    }

    [Test]
    public void RoundTripsKeepValuesAndShapes()
    {
        object?[] values =
        [
            new Dictionary<string, object?>
            {
                ["id"] = 12L, ["name"] = "trial", ["scores"] = new[] { 0.9, 0.8 }, ["tags"] = new List<object?> { "a", null, true },
                ["when"] = new DateTime(2025, 3, 4, 5, 6, 7), ["big"] = BigInteger.Pow(10, 40), ["nested"] = new Dictionary<string, object?> { ["x"] = -1L },
            },
            new double[,] { { 1, 2, 3 }, { 4, 5, 6 } },
            new float[,,] { { { 1, 2 } }, { { 3, 4 } }, { { 5, 6 } } },
            new sbyte[] { -128, 127 }, new ushort[] { 65535 }, new uint[] { 4_000_000_000 }, Array.Empty<int>(), new double[0, 3],
            new object?[,] { { "a", 1L }, { null, new[] { 1.5 } } },
            new Complex[,] { { new Complex(1, 1) }, { new Complex(0, -1) } },
            new bool[,] { { true }, { false } },
            decimal.MaxValue, -0.000001m, new string('é', 600),
        ];

        foreach (var value in values)
        {
            Assert.That(Blob.Unpack(Blob.Pack(value)), Is.EqualTo(value), value!.GetType().Name);
        }
    }

    [Test]
    public void OnlyNumericArraysKeepTheMatlabProtocol()
    {
        Assert.That(Blob.Pack(new[,] { { 1.0 } })[..4], Is.EqualTo("mYm\0"u8.ToArray()));
        Assert.That(Blob.Pack(new object?[,] { { 1.0 } })[..4], Is.EqualTo("dj0\0"u8.ToArray()), "object arrays are Python-only");
        Assert.That(Blob.Pack(new List<object?> { new[] { 1.0 } })[..4], Is.EqualTo("dj0\0"u8.ToArray()), "a list of arrays is Python-only");
    }

    [Test]
    public void UnsupportedDotNetTypesAreRefusedByName()
    {
        var ex = Assert.Throws<BlobException>(() => Blob.Pack(new List<object?> { TimeSpan.FromSeconds(1) }));
        Assert.That(ex!.Message, Does.Contain("System.TimeSpan"));
        Assert.That(Assert.Throws<BlobException>(() => Blob.Pack(new decimal[2, 2]))!.Message, Does.Contain("System.Decimal[,]"));
    }

    [Test]
    public void SelfContainingCollectionsFailClearly()
    {
        var list = new List<object?>();
        list.Add(list);

        Assert.That(Assert.Throws<BlobException>(() => Blob.Pack(list))!.Message, Does.Contain("nested more than"));
    }
}
