using System.Text.Json.Nodes;
using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// The stored codecs through one file store shared with DataJoint-Python (python/codecs.py): both declare the same
/// columns and comments; what Python writes (<c>&lt;blob@&gt;</c>, <c>&lt;hash@&gt;</c>, <c>&lt;attach&gt;</c>,
/// <c>&lt;attach@&gt;</c>) .NET reads as the same values, and the other way round, with the same metadata and files.
/// </summary>
public sealed partial class CodecInteropTests(Backend backend) : InteropTest(backend)
{
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

    [Definition("""
        # recordings kept as objects and references
        rec_id : int32
        ---
        recording = null : <object@cold>
        source = null : <filepath@cold>
        """)]
    public partial class Recording : Manual;

    private string root = "";

    [SetUp]
    public void ConfigureStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-codec-interop-" + Guid.NewGuid().ToString("N"));
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
    public async Task DotNetReadsWhatPythonWroteAndDeclaresTheSameColumns()
    {
        var pythonSchema = NewSchemaName("codecpy");
        var note = Path.Combine(root, "note.txt");
        await File.WriteAllTextAsync(note, "remember");
        await PythonAsync("codecs.py", "write", pythonSchema, root, note);

        var theirs = Instance.Schema(pythonSchema, createSchema: false).Table<Document>(); // binding validates the columns
        var rows = theirs.Fetch().OrderBy(r => r.DocId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Summary, Is.EqualTo(new double[,] { { 1, 2 }, { 3, 4 } }));
            Assert.That(rows[0].Fallback, Is.Null, "DataJoint-Python 2.3.2 cannot write <blob@> (python/codecs.py)");
            Assert.That(rows[0].Raw, Is.EqualTo(new byte[] { 9, 8, 7 }));
            Assert.That(rows[0].Note, Is.EqualTo(new Attachment("note.txt", "remember"u8.ToArray())));
            Assert.That(rows[0].Report, Is.EqualTo(new Attachment("note.txt", "remember"u8.ToArray())));
            Assert.That(rows[1].Raw, Is.EqualTo(new byte[] { 5, 5 }));
            Assert.That(rows[1].Summary, Is.Null);
        });

        // .NET declares the same table in a schema of its own: the same column types and comments.
        var ourSchema = NewSchemaName("codecnet");
        var ours = Instance.Schema(ourSchema).Table<Document>();
        Assert.That(Columns(ourSchema), Is.EqualTo(Columns(pythonSchema)));

        // The same values give the same metadata (but for the schema) and the same bytes at the same place in the store.
        ours.Insert1(new Document.Row { DocId = 1, Raw = [9, 8, 7], Summary = new double[,] { { 1, 2 }, { 3, 4 } } });
        foreach (var column in new[] { "raw", "summary" })
        {
            var python = HashedObject.Parse(Json(theirs, column));
            var dotnet = HashedObject.Parse(Json(ours, column));
            Assert.That(dotnet with { Schema = python.Schema, Path = python.Path }, Is.EqualTo(python), column);
            Assert.That(dotnet.Path, Is.EqualTo(python.Path.Replace(pythonSchema, ourSchema, StringComparison.Ordinal)), column);
            Assert.That(File.ReadAllBytes(Path.Combine(root, "cold", dotnet.Path)), Is.EqualTo(File.ReadAllBytes(Path.Combine(root, "cold", python.Path))), column);
        }
    }

    [Test]
    public async Task PythonReadsWhatDotNetWrote()
    {
        var schemaName = NewSchemaName("codecnet");
        var documents = Instance.Schema(schemaName).Table<Document>();
        var report = new Attachment("report.pdf", [1, 2, 3, 0, 4]);
        documents.Insert([
            new Document.Row { DocId = 1, Summary = new double[,] { { 1, 2 }, { 3, 4 } }, Fallback = "small", Raw = [9, 8, 7],
                Note = new Attachment("note.txt", "remember"u8.ToArray()), Report = report },
            new Document.Row { DocId = 2, Raw = [5, 5] },
        ]);

        var downloads = Path.Combine(root, "downloads");
        var rows = (await PythonAsync("codecs.py", "read", schemaName, root, downloads))!.AsArray();
        Assert.Multiple(() =>
        {
            var first = rows[0]!;
            Assert.That((string)first["summary"]!["type"]!, Is.EqualTo("ndarray"));
            Assert.That((string)first["summary"]!["dtype"]!, Is.EqualTo("float64"));
            Assert.That(first["summary"]!["values"]!.ToJsonString(), Is.EqualTo("[[1.0,2.0],[3.0,4.0]]"));
            Assert.That(first["fallback"]!.ToJsonString(), Is.EqualTo("""{"type":"str","value":"small"}"""));
            Assert.That(Bytes(first["raw"]), Is.EqualTo(new byte[] { 9, 8, 7 }));
            Assert.That((string)first["note"]!["name"]!, Is.EqualTo("note.txt"));
            Assert.That(Bytes(first["note"]!["content"]), Is.EqualTo("remember"u8.ToArray()));
            Assert.That((string)first["report"]!["name"]!, Is.EqualTo("report.pdf"));
            Assert.That(Bytes(first["report"]!["content"]), Is.EqualTo(report.Content));
            Assert.That(Bytes(rows[1]!["raw"]), Is.EqualTo(new byte[] { 5, 5 }));
            Assert.That(rows[1]!["summary"], Is.Null);
        });
    }

    [Test]
    public async Task ObjectsAndFilepathsAreReadByTheOtherLanguage()
    {
        var file = Path.Combine(root, "trace.dat");
        await File.WriteAllBytesAsync(file, [1, 2, 3, 4]);
        var folder = Path.Combine(root, "frames");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "a");
        await File.WriteAllTextAsync(Path.Combine(folder, "sub", "b.txt"), "bb");
        Directory.CreateDirectory(Path.Combine(root, "cold", "raw"));
        await File.WriteAllBytesAsync(Path.Combine(root, "cold", "raw", "s1.bin"), [7, 7]);

        // Python writes, .NET reads.
        var pythonSchema = NewSchemaName("objpy");
        await PythonAsync("codecs.py", "write-objects", pythonSchema, root, file, folder);
        var theirs = Instance.Schema(pythonSchema, createSchema: false).Table<Recording>().Fetch().OrderBy(r => r.RecId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(theirs[0].Recording!.Path, Does.Match($"^_schema/{pythonSchema}/recording/rec_id=1/recording_[A-Za-z0-9_-]{{8}}\\.dat$"));
            Assert.That(theirs[0].Recording!.ReadAllBytes(), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
            Assert.That((theirs[0].Recording!.Size, theirs[0].Recording!.Extension), Is.EqualTo(((long?)4, ".dat")));
            Assert.That(theirs[0].Source!.ReadAllBytes(), Is.EqualTo(new byte[] { 7, 7 }));
            Assert.That((theirs[1].Recording!.IsFolder, theirs[1].Recording!.ItemCount, theirs[1].Recording!.Size), Is.EqualTo((true, (int?)2, (long?)3)));
            Assert.That(theirs[1].Recording!.List().Select(i => i.Path[(theirs[1].Recording!.Path.Length + 1)..]), Is.EquivalentTo(new[] { "a.txt", "sub/b.txt" }));
        });

        // .NET writes, Python reads.
        var ourSchema = NewSchemaName("objnet");
        Instance.Schema(ourSchema).Table<Recording>().Insert([new { rec_id = 1, recording = file, source = "raw/s1.bin" }, new { rec_id = 2, recording = folder }]);
        var read = (await PythonAsync("codecs.py", "read-objects", ourSchema, root))!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That((string)read[0]!["path"]!, Does.Match($"^_schema/{ourSchema}/recording/rec_id=1/recording_[A-Za-z0-9_-]{{8}}\\.dat$"));
            Assert.That(Bytes(read[0]!["content"]), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
            Assert.That(((long)read[0]!["size"]!, (string)read[0]!["ext"]!, (bool)read[0]!["is_dir"]!), Is.EqualTo((4L, ".dat", false)));
            Assert.That(Bytes(read[0]!["source"]!["content"]), Is.EqualTo(new byte[] { 7, 7 }));
            Assert.That(((bool)read[1]!["is_dir"]!, (int)read[1]!["item_count"]!, (long)read[1]!["size"]!), Is.EqualTo((true, 2, 3L)));
            Assert.That(Bytes(read[1]!["files"]!["sub/b.txt"]), Is.EqualTo("bb"u8.ToArray()));
            Assert.That(Bytes(read[1]!["files"]!["a.txt"]), Is.EqualTo("a"u8.ToArray()));
        });
    }

    private static byte[] Bytes(JsonNode? base64) => Convert.FromBase64String((string)base64!);

    private string Json(Table table, string column)
    {
        var quoted = Backend == Backend.MySql ? $"`{column}`" : $"\"{column}\"";
        var keyColumn = Backend == Backend.MySql ? "`doc_id`" : "\"doc_id\"";
        return (string)Instance.Connection.Query($"SELECT {quoted} AS j FROM {table.FullTableName} WHERE {keyColumn} = 1")[0]["j"]!;
    }

    private List<string> Columns(string schema) => Instance.Connection.Query(Backend == Backend.MySql
            ? "SELECT column_name, column_type, is_nullable, column_comment FROM information_schema.columns WHERE table_schema = @p0 AND table_name = 'document' ORDER BY ordinal_position"
            : "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, col_description(a.attrelid, a.attnum) FROM pg_attribute a "
              + "JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace s ON s.oid = k.relnamespace "
              + "WHERE s.nspname = $1 AND k.relname = 'document' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            schema)
        .Select(r => string.Join(" | ", r.Values))
        .ToList();
}
