using System.Security.Cryptography;

namespace DataJoint.Tests.Storage;

/// <summary>A 200 MB object written from a generated stream and read back, with the managed heap staying far below its size.</summary>
[Category("Slow")]
public sealed class StreamingTests(string protocol) : StoreTest(protocol)
{
    private const long Size = 200L << 20;
    private const long HeapLimit = 48L << 20;

    [Test]
    public async Task A200MegabyteObjectStreamsBothWaysInBoundedMemory()
    {
        using var watch = new HeapWatch();
        var written = new GeneratedStream(Size, seed: 42);
        Assert.That(await Store.WriteAsync("big/stream.bin", written), Is.EqualTo(Size));
        Assert.That(await Store.SizeAsync("big/stream.bin"), Is.EqualTo(Size));

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long read = 0;
        await using (var stream = await Store.OpenReadAsync("big/stream.bin"))
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                read += n;
            }
        }

        Assert.That(read, Is.EqualTo(Size));
        Assert.That(sha.GetHashAndReset(), Is.EqualTo(written.Hash()), "the bytes read are the bytes written");
        TestContext.Out.WriteLine($"{Protocol}: managed heap grew by at most {watch.PeakGrowth >> 20} MiB for a {Size >> 20} MiB object");
        Assert.That(watch.PeakGrowth, Is.LessThan(HeapLimit), "the object was buffered instead of streamed");
    }

    /// <summary>Samples the managed heap size (after collections) while a test runs.</summary>
    private sealed class HeapWatch : IDisposable
    {
        private readonly long baseline;
        private readonly Timer timer;
        private long peak;

        public HeapWatch()
        {
            baseline = GC.GetTotalMemory(forceFullCollection: true);
            timer = new Timer(_ => Sample(), null, 0, 20);
        }

        public long PeakGrowth
        {
            get
            {
                Sample();
                return Interlocked.Read(ref peak) - baseline;
            }
        }

        public void Dispose() => timer.Dispose();

        private void Sample()
        {
            // Live objects only: what survives a gen0 collection is what the operation holds.
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var now = info.HeapSizeBytes - info.FragmentedBytes;
            long current;
            while (now > (current = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, current) != current)
            {
            }
        }
    }

    /// <summary>A non-seekable stream of deterministic pseudo-random bytes that hashes what it hands out.</summary>
    private sealed class GeneratedStream(long length, int seed) : Stream
    {
        private readonly Random random = new(seed);
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long position;

        public byte[] Hash() => hash.GetHashAndReset();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            random.NextBytes(buffer[..n]);
            hash.AppendData(buffer[..n]);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
