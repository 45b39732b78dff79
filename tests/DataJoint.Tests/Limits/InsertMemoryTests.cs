using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Limits;

/// <summary>
/// Inserts stream: memory is bounded by one chunk, not by the input. The source is a lazily generated enumerable that
/// measures the live heap (after a full collection) from inside the enumeration, so rows the writer still holds count and
/// garbage does not; buffering the whole input (about 100 MB for these rows) fails the bound.
/// </summary>
[Category("Heavy")]
[NonParallelizable] // the heap is the process's: another fixture's rows would count
public sealed class InsertMemoryTests(Backend backend) : BackendTest(backend)
{
    private const int Rows = 500_000;
    private const int SampleEvery = 50_000;
    private const long Bound = 48L * 1024 * 1024;

    private sealed class HeapProbe
    {
        private long _baseline;

        public long Peak { get; private set; }

        public void Start() => _baseline = GC.GetTotalMemory(forceFullCollection: true);

        public void Sample(int row)
        {
            if (row % SampleEvery != 0) return;
            Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
        }
    }

    private static IEnumerable<LimitRow.Row> TypedRows(HeapProbe probe)
    {
        probe.Start();
        for (var i = 1; i <= Rows; i++)
        {
            probe.Sample(i);
            yield return new LimitRow.Row { RowId = i, Value = i * 0.5, Label = "label " + i };
        }
    }

    private static IEnumerable<object> UntypedRows(HeapProbe probe) =>
        TypedRows(probe).Select(r => (object)new Dictionary<string, object?> { ["row_id"] = r.RowId, ["value"] = r.Value, ["label"] = r.Label });

    private static async IAsyncEnumerable<object> StreamedRows(HeapProbe probe)
    {
        foreach (var row in UntypedRows(probe))
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    private void AssertBounded(HeapProbe probe, Table table, string path)
    {
        TestContext.Out.WriteLine($"{Backend} {path}: peak live heap +{probe.Peak / (1024 * 1024)} MB during {Rows} rows");
        Assert.Multiple(() =>
        {
            Assert.That(table.Count(), Is.EqualTo(Rows), $"{path}: every row written");
            Assert.That(probe.Peak, Is.LessThan(Bound), $"{path}: memory bounded by a chunk, not the input");
        });
    }

    [Test]
    public void TypedInsertOfAnEnumerableStreams()
    {
        var table = Schema.Table<LimitRow>();
        var probe = new HeapProbe();
        table.Insert(TypedRows(probe));
        AssertBounded(probe, table, "typed Insert");
    }

    [Test]
    public void UntypedInsertOfAnEnumerableStreams()
    {
        var table = Schema.Table<LimitRow>();
        var probe = new HeapProbe();
        ((Table)table).Insert(UntypedRows(probe));
        AssertBounded(probe, table, "untyped Insert");
    }

    [Test]
    public async Task StreamedInsertAsyncIsBounded()
    {
        var table = Schema.Table<LimitRow>();
        var probe = new HeapProbe();
        await ((Table)table).InsertAsync(StreamedRows(probe));
        AssertBounded(probe, table, "InsertAsync(IAsyncEnumerable)");
    }

    [Test]
    public void StatementInsertsStreamToo()
    {
        var instance = NewInstance(new Dictionary<string, object?> { ["insert.bulk"] = "never" });
        var table = NewSchema(instance).Table<LimitRow>();
        var probe = new HeapProbe();
        // Fewer rows (statements are slower); buffering them all would still cost about 27 MB.
        table.Insert(TypedRows(probe).Take(150_000));
        TestContext.Out.WriteLine($"{Backend} statements: peak live heap +{probe.Peak / (1024 * 1024)} MB");
        Assert.That(probe.Peak, Is.LessThan(10L * 1024 * 1024), "chunks of one statement");
        Assert.That(table.Count(), Is.EqualTo(150_000));
    }

    [Test]
    public void ABadLastRowOfAStreamedInsertLeavesTheTableUnchanged()
    {
        var table = Schema.Table<LimitRow>();
        var probe = new HeapProbe();
        var rows = TypedRows(probe).Take(120_000).Append(new LimitRow.Row { RowId = 1, Value = 0, Label = "duplicate of row 1" });
        var ex = Assert.Throws<DuplicateKeyException>(() => table.Insert(rows));
        TestContext.Out.WriteLine(ex!.Message);
        Assert.That(table.Count(), Is.Zero, "one transaction over every chunk");
        Assert.That(ex.Message, Does.Contain("row 120001 of the insert"));
    }

    [Test]
    public void ABigBlobCostsASmallMultipleOfItsSize()
    {
        // MySQL cannot take a statement larger than max_allowed_packet (16 MB on a default server).
        var size = Backend == Backend.MySql
            ? (int)Math.Min(100L * 1024 * 1024, Convert.ToInt64(Instance.Connection.Query("SELECT @@max_allowed_packet AS p")[0]["p"]) / 4)
            : 100 * 1024 * 1024;
        var table = Schema.Table<LimitBlob>();
        var payload = new byte[size];
        new Random(7).NextBytes(payload);
        var before = GC.GetAllocatedBytesForCurrentThread();
        table.Insert1(new LimitBlob.Row { BlobId = 1, Data = payload });
        var insertCost = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var back = (byte[])table.Fetch().Single().Data;
        var fetchCost = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"{Backend}: insert allocates {(double)insertCost / size:F1}x, fetch {(double)fetchCost / size:F1}x the blob ({size} bytes)");
        Assert.Multiple(() =>
        {
            Assert.That(back.AsSpan().SequenceEqual(payload), "round trip");
            Assert.That((double)insertCost / size, Is.LessThan(InsertFactor), "insert");
            Assert.That((double)fetchCost / size, Is.LessThan(4), "fetch");
        });
    }

    private double InsertFactor => Backend == Backend.MySql ? 8 : 3; // MySQL's text protocol escapes the bytes into the statement buffer
}
