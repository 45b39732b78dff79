using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

[Definition("""
    # documents kept in and beside the database
    doc_id : int32
    ---
    summary = null : <blob@cold>     # serialized into the cold store
    fallback = null : <blob@>        # the default store
    raw = null : <hash@cold>
    note = null : <attach>
    report = null : <attach@cold>
    """)]
public partial class Document : Manual;

/// <summary>
/// <c>&lt;blob@store&gt;</c>, <c>&lt;hash@store&gt;</c>, <c>&lt;attach&gt;</c> and <c>&lt;attach@store&gt;</c> against a
/// file store on a temporary folder: declared as DataJoint declares them, written on insert, read on fetch.
/// </summary>
public sealed class StoredCodecTests(Backend backend) : BackendTest(backend)
{
    private string root = "";

    [SetUp]
    public void ConfigureStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-codecs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "main"));
        Directory.CreateDirectory(Path.Combine(root, "cold"));
        Instance.Config.Set("stores.default", "main");
        Instance.Config.Set("stores.main.protocol", "file");
        Instance.Config.Set("stores.main.location", Path.Combine(root, "main"));
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));
        Instance.Config.Set("stores.cold.subfolding", new[] { 2, 2 });
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public void ColumnsAreDeclaredAsDataJointDeclaresThem()
    {
        var documents = Schema.Table<Document>();
        var json = Backend == Backend.MySql ? "longtext" : "jsonb";
        var binary = Backend == Backend.MySql ? "longblob" : "bytea";
        var columns = Instance.Connection.Query(Backend == Backend.MySql
            ? $"SELECT column_name AS n, column_type AS t, column_comment AS c FROM information_schema.columns WHERE table_schema = {P(0)} AND table_name = 'document'"
            : $"SELECT a.attname AS n, format_type(a.atttypid, a.atttypmod) AS t, col_description(a.attrelid, a.attnum) AS c FROM pg_attribute a "
              + $"JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace s ON s.oid = k.relnamespace WHERE s.nspname = {P(0)} AND k.relname = 'document' AND a.attnum > 0",
            Schema.Name).ToDictionary(r => (string)r["n"]!, r => ((string)r["t"]!, (string)r["c"]!));
        Assert.Multiple(() =>
        {
            Assert.That(columns["summary"], Is.EqualTo((json, ":<blob@cold>:serialized into the cold store")));
            Assert.That(columns["fallback"], Is.EqualTo((json, ":<blob@>:the default store")));
            Assert.That(columns["raw"], Is.EqualTo((json, ":<hash@cold>:")));
            Assert.That(columns["note"], Is.EqualTo((binary, ":<attach>:")));
            Assert.That(columns["report"], Is.EqualTo((json, ":<attach@cold>:")));
        });
        Assert.That(() => Schema.Table<Document>(), Throws.Nothing, "a declared table validates against its class");
        _ = documents;
    }

    [Test]
    public async Task ValuesAreWrittenToTheStoreAndReadBack()
    {
        var documents = Schema.Table<Document>();
        var matrix = new double[,] { { 1, 2 }, { 3, 4 } };
        var notePath = Path.Combine(root, "note.txt");
        File.WriteAllText(notePath, "remember");
        var report = new Attachment("report.pdf", [1, 2, 3, 0, 4]);
        documents.Insert1(new Document.Row { DocId = 1, Summary = matrix, Fallback = "small", Raw = [9, 8, 7], Note = Attachment.FromFile(notePath), Report = report });
        await documents.InsertAsync([new { doc_id = 2, raw = new MemoryStream([5, 5]), note = notePath, report = new FileInfo(notePath) }]);

        var rows = (await documents.FetchAsync()).OrderBy(r => r.DocId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Summary, Is.EqualTo(matrix));
            Assert.That(rows[0].Fallback, Is.EqualTo("small"));
            Assert.That(rows[0].Raw, Is.EqualTo(new byte[] { 9, 8, 7 }));
            Assert.That(rows[0].Note, Is.EqualTo(new Attachment("note.txt", "remember"u8.ToArray())));
            Assert.That(rows[0].Report, Is.EqualTo(report));
            Assert.That(rows[1].Raw, Is.EqualTo(new byte[] { 5, 5 }), "a stream is stored as its bytes");
            Assert.That(rows[1].Report!.Name, Is.EqualTo("note.txt"), "a path is attached under its file name");
            Assert.That(rows[1].Summary, Is.Null);
        });

        var untyped = (documents & new { doc_id = 1 }).ToDicts().Single();
        Assert.That(untyped["raw"], Is.EqualTo(new byte[] { 9, 8, 7 }), "untyped fetches decode too");
        Assert.That(untyped["report"], Is.EqualTo(report));

        // The column holds DataJoint's metadata; the object sits at its content-addressed path.
        var json = (string)Instance.Connection.Query($"SELECT {Q("raw")} AS j FROM {documents.FullTableName} WHERE {Q("doc_id")} = 1")[0]["j"]!;
        var stored = HashedObject.Parse(json);
        Assert.That(stored.Store, Is.EqualTo("cold"));
        Assert.That(stored.Schema, Is.EqualTo(Schema.Name));
        Assert.That(stored.Path, Is.EqualTo($"_hash/{Schema.Name}/{stored.Hash[..2]}/{stored.Hash[2..4]}/{stored.Hash}"));
        Assert.That(File.ReadAllBytes(Path.Combine(root, "cold", stored.Path)), Is.EqualTo(new byte[] { 9, 8, 7 }));
        Assert.That(Directory.EnumerateFiles(Path.Combine(root, "main"), "*", SearchOption.AllDirectories).Count(), Is.EqualTo(1), "<blob@> went to stores.default");

        documents.Update1(new { doc_id = 2, summary = "later" });
        Assert.That((documents & new { doc_id = 2 }).Fetch1().Summary, Is.EqualTo("later"), "Update1 stores too");
    }

    [Test]
    public void AttachmentsAreSavedWithDataJointsDownloadNaming()
    {
        var folder = Path.Combine(root, "downloads");
        var first = new Attachment("scan.tif", [1]);
        Assert.That(first.SaveTo(folder), Is.EqualTo(Path.Combine(folder, "scan.tif")));
        Assert.That(first.SaveTo(folder), Is.EqualTo(Path.Combine(folder, "scan.tif")), "the same content is reused");
        Assert.That(new Attachment("scan.tif", [2]).SaveTo(folder), Is.EqualTo(Path.Combine(folder, "scan_1.tif")));
        Assert.That(new Attachment("scan.tif", [3]).SaveTo(folder), Is.EqualTo(Path.Combine(folder, "scan_2.tif")));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "scan_2.tif")), Is.EqualTo(new byte[] { 3 }));
    }

    [Test]
    public void BadInputNamesTheAttributeTheStoreAndThePath()
    {
        var documents = Schema.Table<Document>();
        var missing = Path.Combine(root, "absent.txt");
        var noFile = Assert.Throws<FileNotFoundException>(() => documents.Insert1(new { doc_id = 1, note = missing }))!;
        Assert.That(noFile.Message, Does.Contain("`note`").And.Contain(missing));

        Instance.Config.Set("stores.cold.location", Path.Combine(root, "nowhere"));
        var unusable = Assert.Throws<StorageException>(() => documents.Insert1(new { doc_id = 1, raw = new byte[] { 1 } }))!;
        Assert.That(unusable.Message, Does.Contain("`raw`").And.Contain("cold"));
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));

        var wrong = Assert.Throws<ArgumentException>(() => documents.Insert1(new { doc_id = 1, raw = "text" }))!;
        Assert.That(wrong.Message, Does.Contain("`raw`").And.Contain("bytes"));
        Assert.That(documents.Count(), Is.Zero);

        documents.Insert1(new { doc_id = 1, raw = new byte[] { 1, 2 } });
        var stored = HashedObject.Parse((string)Instance.Connection.Query($"SELECT {Q("raw")} AS j FROM {documents.FullTableName}")[0]["j"]!);
        File.WriteAllBytes(Path.Combine(root, "cold", stored.Path), [6, 6]);
        var corrupt = Assert.Throws<StoredObjectCorruptException>(() => documents.Fetch())!;
        Assert.That(corrupt.Message, Does.Contain("`raw`").And.Contain(stored.Path).And.Contain("cold"));
        File.Delete(Path.Combine(root, "cold", stored.Path));
        var gone = Assert.Throws<StoredObjectMissingException>(() => documents.Fetch())!;
        Assert.That(gone.Message, Does.Contain("`raw`").And.Contain(stored.Path));

        var withoutCold = NewInstance(configure: c =>
        {
            c.Set("stores.default", "main");
            c.Set("stores.main.protocol", "file");
            c.Set("stores.main.location", Path.Combine(root, "main"));
        });
        documents = withoutCold.Schema(Schema.Name, createSchema: false).Table<Document>();
        var notConfigured = Assert.Throws<ConfigurationException>(() => documents.Insert1(new { doc_id = 2, raw = new byte[] { 1 } }))!;
        Assert.That(notConfigured.Message, Does.Contain("`raw`").And.Contain("cold"));
    }

    [Test]
    public void AFailedInsertLeavesTheTableUnchangedAndTheObjectsForGarbageCollection()
    {
        var documents = Schema.Table<Document>();
        documents.Insert1(new { doc_id = 1 });
        Assert.Throws<DuplicateKeyException>(() => documents.Insert([new { doc_id = 2, raw = new byte[] { 4, 2 } }, new { doc_id = 1, raw = new byte[] { 4, 3 } }]));
        Assert.That(documents.Count(), Is.EqualTo(1), "no row of the failed insert remains");
        Assert.That(Directory.EnumerateFiles(Path.Combine(root, "cold"), "*", SearchOption.AllDirectories).Count(), Is.EqualTo(2),
            "the objects written before the failure stay, unreferenced");
    }
}
