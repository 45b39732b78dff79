using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Storage;

/// <summary>The storage operations on each protocol: what is written reads back, listing, deleting, copying, errors.</summary>
public sealed class ObjectStoreTests(string protocol) : StoreTest(protocol)
{
    [Test]
    public void WrittenBytesReadBackAndReplaceEarlierOnes()
    {
        var first = Bytes(1000, 1);
        var second = Bytes(3000, 2);
        Assert.That(Store.Write("a/b/c.bin", first), Is.EqualTo(1000));
        Assert.That(Store.ReadAllBytes("a/b/c.bin"), Is.EqualTo(first));
        Store.Write("a/b/c.bin", second);
        using var read = Store.OpenRead("a/b/c.bin");
        using var copy = new MemoryStream();
        read.CopyTo(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(second));
        Assert.That(Store.List(), Is.EqualTo(new[] { new StoredItem("a/b/c.bin", 3000) }), "only the object, no temporary file");
    }

    [Test]
    public async Task AsyncFormsDoTheSame()
    {
        var content = Bytes(5000, 3);
        using (var source = new MemoryStream(content)) Assert.That(await Store.WriteAsync("x/y.dat", source), Is.EqualTo(5000));
        Assert.That(await Store.ReadAllBytesAsync("x/y.dat"), Is.EqualTo(content));
        Assert.That(await Store.ExistsAsync("x/y.dat"), Is.True);
        Assert.That(await Store.SizeAsync("x/y.dat"), Is.EqualTo(5000));
        Assert.That(await Store.ListAsync("x"), Is.EqualTo(new[] { new StoredItem("x/y.dat", 5000) }));
        Assert.That(await Store.DeleteAsync("x/y.dat"), Is.True);
        Assert.That(await Store.ExistsAsync("x/y.dat"), Is.False);
    }

    [Test]
    public void ExistsSizeListAndDelete()
    {
        Store.Write("s/one", Bytes(10, 4));
        Store.Write("s/sub/two", Bytes(20, 5));
        Store.Write("t/three", Bytes(30, 6));
        Assert.Multiple(() =>
        {
            Assert.That(Store.Exists("s/one"), Is.True);
            Assert.That(Store.Exists("s"), Is.True, "a folder of objects exists");
            Assert.That(Store.Exists("s/none"), Is.False);
            Assert.That(Store.Size("s/sub/two"), Is.EqualTo(20));
            Assert.That(Store.List("s/").Select(i => i.Path), Is.EqualTo(new[] { "s/one", "s/sub/two" }));
            Assert.That(Store.List().Select(i => i.Path), Is.EqualTo(new[] { "s/one", "s/sub/two", "t/three" }));
            Assert.That(Store.List("nothing"), Is.Empty);
        });
        Assert.That(Store.Delete("s/one"), Is.True);
        Assert.That(Store.Delete("s/one"), Is.False);
        Assert.That(Store.List().Select(i => i.Path), Is.EqualTo(new[] { "s/sub/two", "t/three" }));
    }

    [Test]
    public void MissingObjectsAreReportedWithStoreAndPath()
    {
        var open = Assert.Throws<StoredObjectMissingException>(() => Store.OpenRead("no/such/object"))!;
        Assert.That(open.Store, Is.EqualTo("main"));
        Assert.That(open.Path, Is.EqualTo("no/such/object"));
        Assert.That(open.Message, Does.Contain("no/such/object").And.Contain("'main'"));
        Assert.ThrowsAsync<StoredObjectMissingException>(() => Store.SizeAsync("no/such/object"));
    }

    [TestCase("../escape")]
    [TestCase("/absolute")]
    [TestCase("a//b")]
    [TestCase("a/./b")]
    [TestCase("a\\b")]
    [TestCase("")]
    public void PathsOutsideTheStoreAreRefused(string path)
    {
        var error = Assert.Throws<StorageException>(() => Store.Write(path, new byte[] { 1 }))!;
        Assert.That(error.Message, Does.Contain("store 'main'"));
        Assert.That(error.Path, Is.EqualTo(path));
    }

    [Test]
    public void LocalFilesAndFoldersAreCopiedIn()
    {
        var local = Path.Combine(Path.GetTempPath(), "dj-local-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(local, "inner"));
        try
        {
            File.WriteAllBytes(Path.Combine(local, "a.txt"), Bytes(7, 7));
            File.WriteAllBytes(Path.Combine(local, "inner", "b.txt"), Bytes(9, 8));
            Assert.That(Store.CopyFile(Path.Combine(local, "a.txt"), "single/a.txt"), Is.EqualTo(7));
            var copied = Store.CopyFolder(local, "folder");
            Assert.That(copied, Is.EqualTo(new[] { new StoredItem("folder/a.txt", 7), new StoredItem("folder/inner/b.txt", 9) }));
            Assert.That(Store.ReadAllBytes("folder/inner/b.txt"), Is.EqualTo(Bytes(9, 8)));
            Assert.Throws<FileNotFoundException>(() => Store.CopyFile(Path.Combine(local, "none"), "x"));
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }

    [Test]
    public async Task ObjectsOfMorePartsThanAreSentAtOnceRoundTripByteExact()
    {
        // Beyond S3ObjectStore.PartSize the s3 protocol switches to a multipart upload, PartsInFlight parts at a time:
        // one part more than that, and a short last one, read from a source that returns short reads.
        var content = Bytes(S3ObjectStore.PartSize * S3ObjectStore.PartsInFlight + 12345, 9);
        Assert.That(Store.Write("big/sync", new TricklingStream(content, 0, null)), Is.EqualTo(content.Length));
        Assert.That(await Store.WriteAsync("big/async", new TricklingStream(content, 0, null)), Is.EqualTo(content.Length));
        foreach (var path in new[] { "big/sync", "big/async" })
        {
            Assert.That(Store.Size(path), Is.EqualTo(content.Length), path);
            Assert.That(Store.ReadAllBytes(path).AsSpan().SequenceEqual(content), Is.True, $"{path} reads back byte for byte");
        }
    }

    [Test]
    public async Task CancellingALargeWriteLeavesNothingBehind()
    {
        using var cancel = new CancellationTokenSource();
        var content = Bytes(S3ObjectStore.PartSize * 3 + 100, 10);
        var source = new TricklingStream(content, S3ObjectStore.PartSize * 2 + (S3ObjectStore.PartSize / 2), cancel.Cancel);
        Assert.CatchAsync<OperationCanceledException>(() => Store.WriteAsync("big/cancelled", source, cancel.Token));
        await AssertNothingAt("big/cancelled");
    }

    [Test]
    public async Task ALargeWriteWhoseSourceFailsLeavesNothingBehind()
    {
        var content = Bytes(S3ObjectStore.PartSize * 3 + 100, 11);
        var source = new TricklingStream(content, S3ObjectStore.PartSize * 2 + (S3ObjectStore.PartSize / 2),
            () => throw new InvalidDataException("the source broke"));
        var error = Assert.CatchAsync<InvalidDataException>(() => Store.WriteAsync("big/failed", source))!;
        Assert.That(error.Message, Is.EqualTo("the source broke"));
        Assert.Throws<InvalidDataException>(() => Store.Write("big/failed", new TricklingStream(content, S3ObjectStore.PartSize + 1,
            () => throw new InvalidDataException("the source broke"))));
        await AssertNothingAt("big/failed");
    }

    [Test]
    public void UrlsNameTheProtocol()
    {
        var url = Store.Url("p/q");
        Assert.That(url, Does.StartWith(Protocol == "s3" ? $"s3://{Stores.Spec("main").GetString("bucket")}/tests/" : "file:///"));
        Assert.That(url, Does.EndWith("/p/q"));
    }

    private async Task AssertNothingAt(string path)
    {
        Assert.That(Store.Exists(path), Is.False, "no object");
        Assert.That(Store.List(), Is.Empty, "no object and no temporary file");
        if (Protocol != "s3") return;
        var uploads = await S3Uploads.UnfinishedAsync(Stores.Spec("main"), Store.FullPath(path));
        // s3rver implements neither ListMultipartUploads nor AbortMultipartUpload (null); a full S3 server must list none.
        if (uploads is not null) Assert.That(uploads, Is.Empty, "the multipart upload was aborted");
    }

    /// <summary>
    /// Returns the content in reads of at most 1,000,003 bytes; once <c>trigger</c> bytes are read it calls
    /// its action (cancels, or throws) before the next read.
    /// </summary>
    private sealed class TricklingStream(byte[] content, int trigger, Action? action) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (action is not null && position >= trigger) action();
            var count = Math.Min(Math.Min(buffer.Length, 1_000_003), content.Length - position);
            content.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
