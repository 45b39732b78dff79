namespace DataJoint.Tests.Codecs;

[Category("Unit")]
public sealed class Adler32Tests
{
    [Test]
    public void Adler32MatchesZlib()
    {
        // zlib.adler32(b'Wikipedia') and zlib.adler32(bytes(range(256)) * 100) (longer than one 5552-byte run).
        Assert.That(Adler32.Compute("Wikipedia"u8), Is.EqualTo(0x11E60398u));
        Assert.That(Adler32.Compute(Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 100).SelectMany(b => b).ToArray()),
            Is.EqualTo(0x747FD0E0u));
    }
}
