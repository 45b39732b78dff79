using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

[Definition("""
    # recordings kept as objects and references
    rec_id : int32
    ---
    recording = null : <object@cold>
    source = null : <filepath@cold>
    """)]
public partial class Recording : Manual;

/// <summary><c>&lt;object@store&gt;</c> and <c>&lt;filepath@store&gt;</c>: lazy <see cref="ObjectRef"/> values over a file store.</summary>
public sealed class ObjectCodecTests(Backend backend) : BackendTest(backend)
{
    private string root = "";

    [SetUp]
    public void ConfigureStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-objects-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "cold", "raw"));
        Instance.Config.Set("stores.default", "cold");
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task ObjectsAreWrittenAtTheirSchemaAddressedPathAndReadLazily()
    {
        var recordings = Schema.Table<Recording>();
        var file = Path.Combine(root, "trace.dat");
        await File.WriteAllBytesAsync(file, [1, 2, 3, 4]);
        var folder = Path.Combine(root, "frames");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "a");
        await File.WriteAllTextAsync(Path.Combine(folder, "sub", "b.txt"), "bb");
        await File.WriteAllBytesAsync(Path.Combine(root, "cold", "raw", "s1.bin"), [7, 7]);

        recordings.Insert([
            new Recording.Row { RecId = 1 },
            new { rec_id = 2, recording = file, source = "raw/s1.bin" },
            new { rec_id = 3, recording = folder },
            new { rec_id = 4, recording = new byte[] { 9 } },
        ]);
        var rows = (await recordings.FetchAsync()).OrderBy(r => r.RecId).ToList();
        Assert.That(rows[0].Recording, Is.Null);

        var two = rows[1].Recording!;
        Assert.That(two.Path, Does.Match($"^_schema/{Schema.Name}/recording/rec_id=2/recording_[A-Za-z0-9_-]{{8}}\\.dat$"));
        Assert.That((two.Size, two.Extension, two.IsFolder, two.Store), Is.EqualTo(((long?)4, ".dat", false, "cold")));
        Assert.That(await two.ExistsAsync(), Is.True);
        Assert.That(await two.ReadAllBytesAsync(), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
        await using (var stream = two.OpenRead()) Assert.That(stream.ReadByte(), Is.EqualTo(1));
        Assert.That(File.ReadAllBytes(two.DownloadTo(Path.Combine(root, "down"))), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));

        var source = rows[1].Source!;
        Assert.That((source.Path, source.Size, source.IsFolder), Is.EqualTo(("raw/s1.bin", (long?)2, false)));
        Assert.That(source.ReadAllBytes(), Is.EqualTo(new byte[] { 7, 7 }));

        var three = rows[2].Recording!;
        Assert.That((three.IsFolder, three.ItemCount, three.Size, three.Extension), Is.EqualTo((true, (int?)2, (long?)3, (string?)null)));
        Assert.That(three.List().Select(i => i.Path[(three.Path.Length + 1)..]), Is.EquivalentTo(new[] { "a.txt", "sub/b.txt" }));
        var downloaded = await three.DownloadToAsync(Path.Combine(root, "down"));
        Assert.That(File.ReadAllText(Path.Combine(downloaded, "sub", "b.txt")), Is.EqualTo("bb"));
        Assert.Throws<InvalidOperationException>(() => three.OpenRead());

        Assert.That(rows[3].Recording!.ReadAllBytes(), Is.EqualTo(new byte[] { 9 }));
        var metadata = JsonNode.Parse((string)Instance.Connection.Query($"SELECT {Q("recording")} AS j FROM {recordings.FullTableName} WHERE {Q("rec_id")} = 4")[0]["j"]!)!;
        Assert.That(metadata.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "path", "store", "size", "ext", "is_dir", "item_count", "timestamp" }));
    }

    [Test]
    public void FilepathsFollowDataJointsPathRules()
    {
        var recordings = Schema.Table<Recording>();
        var missing = Assert.Throws<StoredObjectMissingException>(() => recordings.Insert1(new { rec_id = 1, source = "raw/none.bin" }))!;
        Assert.That(missing.Message, Does.Contain("`source`").And.Contain("raw/none.bin").And.Contain("cold"));
        var reserved = Assert.Throws<ArgumentException>(() => recordings.Insert1(new { rec_id = 1, source = "_hash/x/y" }))!;
        Assert.That(reserved.Message, Does.Contain("hash_prefix").And.Contain("`source`"));
        Assert.Throws<StorageException>(() => recordings.Insert1(new { rec_id = 1, source = "../outside.bin" }));
        var noFile = Assert.Throws<FileNotFoundException>(() => recordings.Insert1(new { rec_id = 1, recording = Path.Combine(root, "absent.dat") }))!;
        Assert.That(noFile.Message, Does.Contain("`recording`"));
        Assert.That(recordings.Count(), Is.Zero);
    }
}

/// <summary>The stored codecs against the S3 server (<c>scripts/s3-server.sh</c>): the same values through the s3 protocol.</summary>
public sealed class S3CodecTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task StoredValuesRoundTripThroughS3()
    {
        var s3 = await S3TestServer.RequireAsync();
        Instance.Config.Set("stores.default", "cold");
        Instance.Config.Set("stores.cold", s3.StoreSettings("tests/" + Guid.NewGuid().ToString("N")));
        var documents = Schema.Table<Document>();
        var recordings = Schema.Table<Recording>();
        var payload = new byte[3 << 20];
        new Random(5).NextBytes(payload);
        await documents.InsertAsync([new Document.Row { DocId = 1, Summary = new[] { 1.5, 2.5 }, Raw = payload, Report = new Attachment("r.bin", [1, 0, 2]) }]);
        await recordings.InsertAsync([new { rec_id = 1, recording = new MemoryStream(payload) }]);

        var document = (await documents.FetchAsync()).Single();
        Assert.That(document.Summary, Is.EqualTo(new[] { 1.5, 2.5 }));
        Assert.That(document.Raw, Is.EqualTo(payload));
        Assert.That(document.Report, Is.EqualTo(new Attachment("r.bin", [1, 0, 2])));
        var recording = (await recordings.FetchAsync()).Single().Recording!;
        Assert.That(recording.Size, Is.EqualTo(payload.Length));
        await using var stream = await recording.OpenReadAsync();
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(payload));
    }
}
