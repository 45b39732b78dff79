using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;

namespace DataJoint.Benchmarks;

/// <summary>
/// Where bulk loading starts to pay: the same typed <c>Insert</c> of <see cref="Rows"/> rows (int, varchar, double, date)
/// as batched multi-row INSERTs (<c>insert.bulk = never</c>, the baseline) and bulk-loaded (<c>insert.bulk = always</c>:
/// binary COPY / MySqlBulkCopy behind a savepoint). The crossover sets the default <c>insert.bulk_threshold</c>.
/// Every invocation inserts fresh keys; the table is emptied after each iteration.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*BulkThresholdBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 16)]
public class BulkThresholdBenchmarks : DatabaseBenchmark
{
    private FetchItem _table = null!;
    private int _nextId = 1;

    [Params(30, 100, 300, 1_000, 3_000, 10_000)]
    public int Rows { get; set; }

    protected override void Prepare() => _table = Schema.Table<FetchItem>();

    [IterationCleanup]
    public void Empty() => _table.DeleteQuick();

    [Benchmark(Baseline = true, Description = "batched INSERTs (insert.bulk = never)")]
    public int Batched() => Insert(BulkInsertMode.Never);

    [Benchmark(Description = "bulk-loaded (insert.bulk = always)")]
    public int Bulk() => Insert(BulkInsertMode.Always);

    private int Insert(BulkInsertMode mode)
    {
        Instance.Config.Insert.Bulk = mode;
        var rows = FetchItemData.Create(Rows, _nextId);
        _nextId += Rows;
        _table.Insert(rows);
        return rows.Length;
    }
}
