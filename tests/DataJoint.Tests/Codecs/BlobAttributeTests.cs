using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

[Definition("""
    # a scan with serialized data
    scan_id : int32
    ---
    image : <blob>              # any value DataJoint's blob format holds
    notes = null : <blob>
    """)]
public partial class Scan : Manual;

/// <summary><c>&lt;blob&gt;</c> attributes: values are serialized on insert/update and deserialized on fetch, as DataJoint does.</summary>
public sealed class BlobAttributeTests(Backend backend) : BackendTest(backend)
{
    private static readonly double[,] Matrix = { { 1, 2, 3 }, { 4, 5, 6 } };

    [Test]
    public void TypedRowsRoundTripArraysStringsAndDictionaries()
    {
        var scans = Schema.Table<Scan>();
        scans.Insert([
            new Scan.Row { ScanId = 1, Image = Matrix, Notes = "first" },
            new Scan.Row { ScanId = 2, Image = new[] { 1.5, 2.5 }, Notes = new Dictionary<string, object?> { ["gain"] = 2L, ["ok"] = true } },
            new Scan.Row { ScanId = 3, Image = new List<object?> { 1L, "two", null } },
        ]);
        var rows = scans.Fetch().OrderBy(r => r.ScanId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Image, Is.EqualTo(Matrix).And.TypeOf<double[,]>());
            Assert.That(rows[0].Notes, Is.EqualTo("first"));
            Assert.That(rows[1].Image, Is.EqualTo(new[] { 1.5, 2.5 }));
            Assert.That(rows[1].Notes, Is.EquivalentTo(new Dictionary<string, object?> { ["gain"] = 2L, ["ok"] = true }));
            Assert.That(rows[2].Image, Is.EqualTo(new List<object?> { 1L, "two", null }));
            Assert.That(rows[2].Notes, Is.Null, "NULL stays NULL");
            Assert.That((scans & new { scan_id = 1 }).ToDicts().Single()["image"], Is.EqualTo(Matrix), "untyped fetches deserialize too");
        });
    }

    [Test]
    public void StoredBytesAreDataJointPythonsFormat()
    {
        var scans = Schema.Table<Scan>();
        scans.Insert1(new Scan.Row { ScanId = 1, Image = "abc" });
        var stored = (byte[])Instance.Connection.Query($"SELECT {Q("image")} AS b FROM {scans.FullTableName}")[0]["b"]!;
        Assert.That(stored, Is.EqualTo(PythonBlobVectors.Bytes("646a3000" + "05" + "0300000000000000" + "616263")), "dj0 header, str code, length, UTF-8");

        // A value written by DataJoint-Python (its bytes, by hand) reads back through the typed row.
        var pythonTrue = PythonBlobVectors.Bytes("646a3000" + "0b01");
        Instance.Connection.Execute($"UPDATE {scans.FullTableName} SET {Q("image")} = {P(0)}", pythonTrue);
        Assert.That(scans.Fetch1().Image, Is.EqualTo(true));
        Assert.That(new FreeTable(Instance.Connection, scans.FullTableName).Fetch1()["image"], Is.EqualTo(true), "FreeTable reads the :<blob>: marker");
    }

    [Test]
    public void Update1AndBulkLoadsSerializeToo()
    {
        var scans = Schema.Table<Scan>();
        scans.Insert(Enumerable.Range(1, 1500).Select(i => new Scan.Row { ScanId = i, Image = new long[] { i, i * 2 } }));
        Assert.That((scans & new { scan_id = 1234 }).Fetch1().Image, Is.EqualTo(new long[] { 1234, 2468 }));

        scans.Update1(new Scan.Row { ScanId = 7, Image = "replaced", Notes = Matrix });
        var row = (scans & new { scan_id = 7 }).Fetch1();
        Assert.That(row.Image, Is.EqualTo("replaced"));
        Assert.That(row.Notes, Is.EqualTo(Matrix));
    }

    [Test]
    public void AValueWithoutABlobEncodingNamesTheAttribute()
    {
        var scans = Schema.Table<Scan>();

        var ex = Assert.Throws<BlobException>(() => scans.Insert1(new Scan.Row { ScanId = 1, Image = TimeSpan.FromSeconds(1) }));
        Assert.That(ex!.Message, Does.Contain("`image`").And.Contain(scans.FullTableName).And.Contain("System.TimeSpan"));
        Assert.That(scans.Count(), Is.Zero);
    }
}
