namespace DataJoint.Tests.Storage;

/// <summary>The content-addressed section on each protocol: written once per schema, path by hash, verified on read.</summary>
public sealed class HashSectionTests(string protocol) : StoreTest(protocol)
{
    [Test]
    public void ContentIsStoredOnceAtItsHashPathAndReadBack()
    {
        Config.Set("stores.main.subfolding", new[] { 2, 2 });
        var section = Stores.Hash("");
        var content = Bytes(4000, 11);
        var stored = section.Put(content, "lab");
        var hash = ContentHash.Compute(content);
        Assert.That(stored, Is.EqualTo(new HashedObject(hash, $"_hash/lab/{hash[..2]}/{hash[2..4]}/{hash}", "lab", null, 4000)));
        Assert.That(section.Get(stored), Is.EqualTo(content));

        var again = Stores.Hash(null).Put(content, "lab");
        Assert.That(again, Is.EqualTo(stored));
        Assert.That(Store.List().Select(i => i.Path), Is.EqualTo(new[] { stored.Path }));

        var named = Stores.Hash("main").Put(content, "other");
        Assert.That(named.Store, Is.EqualTo("main"), "the declared name is what the metadata records");
        Assert.That(named.Path, Is.EqualTo($"_hash/other/{hash[..2]}/{hash[2..4]}/{hash}"), "deduplication is per schema");
    }

    [Test]
    public void ContentIsNotRewrittenWhenPresent()
    {
        var section = Stores.Hash(null);
        var stored = section.Put(new byte[] { 1, 2, 3 }, "lab");
        Store.Write(stored.Path, new byte[] { 9, 9, 9 });
        section.Put(new byte[] { 1, 2, 3 }, "lab");
        Assert.That(Store.ReadAllBytes(stored.Path), Is.EqualTo(new byte[] { 9, 9, 9 }), "write only if absent");
    }

    [Test]
    public async Task CorruptContentIsReportedWithStoreAndPath()
    {
        var section = Stores.Hash(null);
        var stored = await section.PutAsync(Bytes(100, 12), "lab");
        await Store.WriteAsync(stored.Path, Bytes(100, 13));
        var error = Assert.Throws<StoredObjectCorruptException>(() => section.Get(stored))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Store, Is.EqualTo("main"));
            Assert.That(error.Path, Is.EqualTo(stored.Path));
            Assert.That(error.ExpectedHash, Is.EqualTo(stored.Hash));
            Assert.That(error.ActualHash, Is.EqualTo(ContentHash.Compute(Bytes(100, 13))));
            Assert.That(error.Message, Does.Contain(stored.Path).And.Contain("'main'"));
        });
        Assert.ThrowsAsync<StoredObjectCorruptException>(() => section.GetAsync(stored));
        using var sink = new MemoryStream();
        Assert.Throws<StoredObjectCorruptException>(() => section.CopyTo(stored, sink));
    }

    [Test]
    public void MissingContentIsReported()
    {
        var section = Stores.Hash(null);
        var stored = section.Put(Bytes(10, 14), "lab");
        Store.Delete(stored.Path);
        Assert.Throws<StoredObjectMissingException>(() => section.Get(stored));
    }

    [Test]
    public async Task StreamsAreStoredAsTheirBytesWouldBe()
    {
        Config.Set("stores.main.hash_prefix", "objects/by-hash");
        var content = Bytes(3 << 20, 15);
        var section = Stores.Hash(null);
        HashedObject fromStream;
        using (var source = new MemoryStream(content)) fromStream = await section.PutAsync(source, "lab");
        Assert.That(fromStream, Is.EqualTo(section.Put(content, "lab")));
        Assert.That(fromStream.Path, Does.StartWith("objects/by-hash/lab/"));
        using var sink = new MemoryStream();
        Assert.That(await section.CopyToAsync(fromStream, sink), Is.EqualTo(content.Length));
        Assert.That(sink.ToArray(), Is.EqualTo(content));
    }
}
