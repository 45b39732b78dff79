using System.Diagnostics;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Limits;

/// <summary>
/// A corrupt blob whose header declares about 2 GB is refused at once, with no large allocation: every declared size is
/// checked against the bytes that follow (and what deflate can inflate them to) before anything is allocated for it.
/// </summary>
[Category("Unit")]
public sealed class HostileBlobTests
{
    private const long SmallAllocation = 8 * 1024 * 1024;

    [TestCaseSource(typeof(HostileBlobs), nameof(HostileBlobs.All))]
    public void HostileHeadersAreRefusedQuicklyWithoutAllocating(byte[] blob)
    {
        Blob.Unpack(Blob.Pack(new[] { 1.0, 2.0 })); // warm up the code paths, so the measurement sees only the hostile blob
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<BlobException>(() => Blob.Unpack(blob));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        watch.Stop();
        TestContext.Out.WriteLine($"{ex!.Message} ({allocated} bytes, {watch.Elapsed.TotalMilliseconds:F1} ms)");
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.LessThan(SmallAllocation), "no allocation from the declared size");
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(500)), "refused at once");
        });
    }

    [Test]
    public void TheLimitRefusesARealBlobBeyondItAndReadsOneWithin()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => (double)(i % 7)).ToArray();
        var packed = Blob.Pack(values);
        Assert.That(packed.AsSpan().StartsWith("ZL123\0"u8), "compressed");
        var ex = Assert.Throws<BlobException>(() => Blob.Unpack(packed, maxSize: 100_000));
        Assert.That(ex!.Message, Does.Contain("blob.max_size").And.Contain("800"));
        Assert.That(Blob.Unpack(packed, maxSize: 1_000_000), Is.EqualTo(values));
        Assert.Throws<BlobException>(() => Blob.Unpack(Blob.Pack(values, compress: false), maxSize: 100_000), "uncompressed blobs too");
    }

    [Test]
    public void ValidBlobsStillRoundTripThroughTheGrowingInflateBuffer()
    {
        // Highly compressible: inflates to far more than the first buffer (4 x the compressed size).
        var zeros = new double[2_000_000];
        var packed = Blob.Pack(zeros);
        Assert.That(packed.Length, Is.LessThan(zeros.Length * 8 / 100), "compressed well");
        Assert.That(Blob.Unpack(packed), Is.EqualTo(zeros));
    }
}

/// <summary>The same hostile blobs stored in a <c>&lt;blob&gt;</c> column and fetched: refused quickly, and the setting applies.</summary>
[Category("Integration")]
public sealed class HostileBlobFetchTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void FetchingAHostileBlobIsABlobExceptionInMilliseconds()
    {
        var table = Schema.Table<LimitBlob>();
        var cases = HostileBlobs.All().Select(c => (byte[])c.Arguments[0]!).ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            table.Insert1(new LimitBlob.Row { BlobId = i, Data = 0L });
            Instance.Connection.Execute($"UPDATE {table.FullTableName} SET {Q("data")} = {P(0)} WHERE {Q("blob_id")} = {P(1)}", cases[i], i);
        }

        for (var i = 0; i < cases.Count; i++)
        {
            var row = table & new { blob_id = i };
            var watch = Stopwatch.StartNew();
            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<BlobException>(() => row.ToDicts(), $"case {i}");
            Assert.Throws<BlobException>(() => row.Fetch(), $"case {i}, typed");
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Multiple(() =>
            {
                Assert.That(allocated, Is.LessThan(32L * 1024 * 1024), $"case {i}: no allocation from the declared size");
                Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), $"case {i}: refused at once");
            });
        }
    }

    [Test]
    public async Task TheBlobMaxSizeSettingLimitsFetches()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (double)i).ToArray();
        var small = NewInstance(new Dictionary<string, object?> { ["blob.max_size"] = 50_000L });
        var table = Schema.Table<LimitBlob>();
        table.Insert1(new LimitBlob.Row { BlobId = 1, Data = values });
        var limited = NewSchemaOn(small, Schema.Name).Table<LimitBlob>();
        var ex = Assert.Throws<BlobException>(() => limited.ToDicts());
        Assert.That(ex!.Message, Does.Contain("blob.max_size"));
        Assert.ThrowsAsync<BlobException>(async () => await limited.ToDictsAsync());
        Assert.That(table.Fetch().Single().Data, Is.EqualTo(values), "the default limit reads it");
        Assert.That((await table.ToDictsAsync()).Single()["data"], Is.EqualTo(values));
    }

    private static Schema NewSchemaOn(Instance instance, string name) => instance.Schema(name);
}
