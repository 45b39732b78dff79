namespace DataJoint.Tests.Codecs;

/// <summary>The <c>.npy</c> format against files NumPy 1.24's <c>np.save</c> wrote (base64 below).</summary>
public sealed class NpyFormatTests
{
    private const string UInt16ThreeByTwo = "k05VTVBZAQB2AHsnZGVzY3InOiAnPHUyJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAEAAgADAAQABQA=";
    private const string EmptyFloat64 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDAsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo=";
    private const string FortranInt32 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAwAAAAEAAAAEAAAAAgAAAAUAAAA=";
    private const string BigEndianFloat64 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/+AAAAAAAAMAAAAAAAAAA";

    [Test]
    public void WritesTheBytesNumPyWrites()
    {
        var values = new ushort[,] { { 0, 1 }, { 2, 3 }, { 4, 5 } };
        var (elements, dtype, shape) = NpyFormat.Describe(values)!.Value;
        Assert.That(NpyFormat.Encode(elements, dtype, shape), Is.EqualTo(Convert.FromBase64String(UInt16ThreeByTwo)));
        var (empty, float64, none) = NpyFormat.Describe(Array.Empty<double>())!.Value;
        Assert.That(NpyFormat.Encode(empty, float64, none), Is.EqualTo(Convert.FromBase64String(EmptyFloat64)));
    }

    [Test]
    public async Task ReadsCFortranAndBigEndianFiles()
    {
        Assert.That(await Read(UInt16ThreeByTwo), Is.EqualTo(NDArray<ushort>.FromArray(new ushort[,] { { 0, 1 }, { 2, 3 }, { 4, 5 } })));
        Assert.That(await Read(FortranInt32), Is.EqualTo(NDArray<int>.FromArray(new[,] { { 0, 1, 2 }, { 3, 4, 5 } })));
        Assert.That(await Read(BigEndianFloat64), Is.EqualTo(NDArray<double>.FromArray(new[] { 1.5, -2.0 })));
        Assert.That(((NDArray<double>)await Read(EmptyFloat64)).Shape, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void RefusesWhatIsNotAnNpyFile()
    {
        var notNpy = Assert.ThrowsAsync<DataJointException>(() => NpyFormat.Read(new MemoryStream("PK\u0003\u0004 zip file"u8.ToArray()), "'x.npy'", sync: false, default).AsTask())!;
        Assert.That(notNpy.Message, Does.Contain("'x.npy'").And.Contain("not a NumPy .npy file"));
        var objects = Convert.FromBase64String(EmptyFloat64);
        objects[22] = (byte)'O'; // 'descr': '<f8' becomes '<O8', an object array
        var pickled = Assert.ThrowsAsync<DataJointException>(() => NpyFormat.Read(new MemoryStream(objects), "'y.npy'", sync: true, default).AsTask())!;
        Assert.That(pickled.Message, Does.Contain("dtype '<O8'"));
    }

    private static async Task<object> Read(string base64) =>
        await NpyFormat.Read(new MemoryStream(Convert.FromBase64String(base64)), "'test.npy'", sync: false, default);
}
