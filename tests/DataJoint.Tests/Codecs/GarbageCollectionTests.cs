using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

[Definition("""
    # takes kept in a store, for garbage collection
    take_id : int32
    ---
    data = null : <blob@>
    raw = null : <hash@>
    doc = null : <attach@>
    recording = null : <object@>
    source = null : <filepath@>
    """)]
public partial class Take : Manual;

/// <summary>Garbage collection (DataJoint's <c>gc</c>) of the content- and schema-addressed sections of a file store.</summary>
public sealed class GarbageCollectionTests(Backend backend) : BackendTest(backend)
{
    private string root = "";

    private string Location => Path.Combine(root, "main");

    [SetUp]
    public void ConfigureStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-gc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "main", "raw"));
        Instance.Config.Set("stores.default", "main");
        Instance.Config.Set("stores.filepath_default", "main");
        Instance.Config.Set("stores.main.protocol", "file");
        Instance.Config.Set("stores.main.location", Location);
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task UnreferencedObjectsAreReportedThenDeletedAndLiveOnesKept()
    {
        var takes = Schema.Table<Take>();
        var folder = Path.Combine(root, "frames");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "aaaa");
        await File.WriteAllTextAsync(Path.Combine(folder, "sub", "b.txt"), "bb");
        await File.WriteAllBytesAsync(Path.Combine(Location, "raw", "user.bin"), [1, 2, 3]);
        byte[] shared = [5, 5, 5], gone = [6, 6, 6, 6, 6];
        takes.Insert([
            new { take_id = 1, raw = shared, recording = folder, source = "raw/user.bin" },
            new { take_id = 2, raw = shared, data = (object)new[] { 1.0, 2.0 } },
            new { take_id = 3, raw = gone, doc = new Attachment("notes.txt", [7, 7]), recording = new byte[] { 8 } },
        ]);
        var three = (takes & new { take_id = 3 }).Fetch1();
        var goneObject = three.Recording!.Path;
        var before = Schema.CollectGarbage();
        Assert.That(before.HashPathsOrphaned + before.SchemaPathsOrphaned, Is.Zero, "nothing is unreferenced yet");

        (takes & "take_id >= 2").Delete(prompt: false);
        var report = await Schema.CollectGarbageAsync();
        Assert.Multiple(() =>
        {
            Assert.That(report.DryRun, Is.True);
            Assert.That(report.Store, Is.EqualTo("main"));
            // shared (still take 1's), gone, the packed blob and the attachment were stored; only take 1's content is referenced.
            Assert.That((report.HashPathsStored, report.HashPathsReferenced, report.HashPathsOrphaned), Is.EqualTo((4, 1, 3)));
            Assert.That(report.HashPathsOrphanedBytes, Is.EqualTo(report.OrphanedHashPaths.Sum(p => new FileInfo(Path.Combine(Location, p)).Length)));
            Assert.That(report.OrphanedHashPaths, Has.Member(ContentHashPath(gone)));
            // take 1's folder (two files) is live; take 3's one-file object is not.
            Assert.That((report.SchemaPathsStored, report.SchemaPathsReferenced), Is.EqualTo((3, 1)));
            Assert.That(report.OrphanedSchemaPaths, Is.EqualTo(new[] { goneObject }));
            Assert.That(report.SchemaPathsOrphanedBytes, Is.EqualTo(1));
            Assert.That((report.Deleted, report.BytesFreed), Is.EqualTo((0, 0L)));
        });
        Assert.That(File.Exists(Path.Combine(Location, goneObject)), Is.True, "a dry run deletes nothing");

        var collected = Schema.CollectGarbage(dryRun: false);
        Assert.Multiple(() =>
        {
            Assert.That((collected.HashPathsDeleted, collected.SchemaPathsDeleted, collected.Errors), Is.EqualTo((3, 1, 0)));
            Assert.That(collected.BytesFreed, Is.EqualTo(report.HashPathsOrphanedBytes + report.SchemaPathsOrphanedBytes));
            Assert.That(File.Exists(Path.Combine(Location, goneObject)), Is.False);
            Assert.That(Directory.Exists(Path.Combine(Location, Path.GetDirectoryName(goneObject)!)), Is.False, "emptied folders go with the object");
            Assert.That(File.Exists(Path.Combine(Location, "raw", "user.bin")), Is.True, "<filepath@> files are the user's");
        });

        var one = (takes & new { take_id = 1 }).Fetch1();
        Assert.That(one.Raw, Is.EqualTo(shared));
        Assert.That(one.Recording!.List(), Has.Count.EqualTo(2));
        Assert.That(Schema.CollectGarbage(), Has.Property(nameof(GarbageReport.HashPathsOrphaned)).Zero.And.Property(nameof(GarbageReport.SchemaPathsOrphaned)).Zero);
    }

    [Test]
    public void OnlyTheGivenSchemasAreCollected()
    {
        var other = NewSchema();
        var mine = Schema.Table<Take>();
        var theirs = other.Table<Take>();
        mine.Insert1(new { take_id = 1, raw = new byte[] { 1 } });
        theirs.Insert1(new { take_id = 1, raw = new byte[] { 2 } });
        mine.Delete(prompt: false);
        theirs.Delete(prompt: false);

        var report = Schema.CollectGarbage(dryRun: false);
        Assert.That(report.HashPathsDeleted, Is.EqualTo(1));
        Assert.That(report.OrphanedHashPaths.Single(), Does.StartWith($"_hash/{Schema.Name}/"));
        Assert.That(other.CollectGarbage().OrphanedHashPaths.Single(), Does.StartWith($"_hash/{other.Name}/"), "the other schema's orphan is untouched");

        var both = new GarbageCollector([Schema, other], "main").Collect(dryRun: false);
        Assert.That(both.Schemas, Is.EqualTo(new[] { Schema.Name, other.Name }));
        Assert.That(both.HashPathsDeleted, Is.EqualTo(1));
    }

    [Test]
    public void AFailedInsertLeavesOrphansThatCollectionFinds()
    {
        var takes = Schema.Table<Take>();
        takes.Insert1(new { take_id = 1, recording = new byte[] { 1 } });
        Assert.Throws<DuplicateKeyException>(() => takes.Insert1(new { take_id = 1, recording = new byte[] { 2, 2 } }));
        Assert.That(takes.Count(), Is.EqualTo(1));

        var report = Schema.CollectGarbage();
        Assert.That((report.SchemaPathsStored, report.SchemaPathsOrphaned, report.SchemaPathsOrphanedBytes), Is.EqualTo((2, 1, 2L)));
    }

    [Test]
    public void ManifestsAndFilesInsideALiveFolderAreKept()
    {
        var takes = Schema.Table<Take>();
        takes.Insert1(new { take_id = 1, recording = new byte[] { 1 } });
        var path = (takes & new { take_id = 1 }).Fetch1().Recording!.Path;
        File.WriteAllText(Path.Combine(Location, path + ".manifest.json"), "{}");
        File.WriteAllText(Path.Combine(Location, Path.GetDirectoryName(path)!, "stray.bin"), "x");

        var report = Schema.CollectGarbage();
        Assert.That(report.OrphanedSchemaPaths, Is.EqualTo(new[] { Path.GetDirectoryName(path)!.Replace('\\', '/') + "/stray.bin" }));
        Assert.That(GarbageCollector.IsCovered("a/b/c.npy", new HashSet<string> { "a/b" }), Is.True);
        Assert.That(GarbageCollector.IsCovered("a/bc", new HashSet<string> { "a/b" }), Is.False);
    }

    [Test]
    public void MetadataThatIsNotDataJointsStopsCollectionBeforeDeleting()
    {
        var takes = Schema.Table<Take>();
        takes.Insert1(new { take_id = 1, raw = new byte[] { 1 } });
        takes.Insert1(new { take_id = 2, raw = new byte[] { 2 } });
        (takes & new { take_id = 2 }).Delete(prompt: false);
        Instance.Connection.Execute($"UPDATE {takes.FullTableName} SET {Q("raw")} = '\"not metadata\"'");

        var ex = Assert.Throws<DataJointException>(() => Schema.CollectGarbage(dryRun: false))!;
        Assert.That(ex.Message, Does.Contain("`raw`").And.Contain(takes.FullTableName).And.Contain("nothing was deleted"));
        Assert.That(Directory.EnumerateFiles(Path.Combine(Location, "_hash"), "*", SearchOption.AllDirectories).Count(), Is.EqualTo(2));
    }

    [Test]
    public void AStoreThatIsNotConfiguredIsNamed()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Schema.CollectGarbage(store: "archive"))!;
        Assert.That(ex.Message, Does.Contain("archive"));
        Assert.Throws<ArgumentException>(() => _ = new GarbageCollector([]));
    }

    [Test]
    public async Task AnS3StoreIsCollected()
    {
        var s3 = await S3TestServer.RequireAsync();
        Instance.Config.Set("stores.cloud", s3.StoreSettings("tests/" + Guid.NewGuid().ToString("N")));
        Instance.Config.Set("stores.default", "cloud");
        var takes = Schema.Table<Take>();
        takes.Insert([new { take_id = 1, raw = new byte[] { 1 }, recording = new byte[] { 1, 1 } }, new { take_id = 2, raw = new byte[] { 2, 2, 2 } }]);
        (takes & new { take_id = 2 }).Delete(prompt: false);
        takes.Insert1(new { take_id = 3, recording = new byte[] { 3 } });
        (takes & new { take_id = 3 }).Delete(prompt: false);

        var collected = await Schema.CollectGarbageAsync(dryRun: false);
        Assert.That((collected.Store, collected.HashPathsDeleted, collected.SchemaPathsDeleted, collected.BytesFreed), Is.EqualTo(("cloud", 1, 1, 4L)));
        var store = Instance.Stores["cloud"];
        Assert.That(store.List().Count, Is.EqualTo(2));
        Assert.That((takes & new { take_id = 1 }).Fetch1().Recording!.ReadAllBytes(), Is.EqualTo(new byte[] { 1, 1 }));
        foreach (var item in store.List()) store.Delete(item.Path);
    }

    private string ContentHashPath(byte[] content) => HashPath.Build(ContentHash.Compute(content), Schema.Name, null, "_hash");
}
