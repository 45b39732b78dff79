using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;

namespace DataJoint.Benchmarks.Comparison;

/// <summary>
/// Deleting 100,000 rows of a table without dependents, and a cascade of 22,000 rows over three levels, next to the
/// raw statements (one DELETE; child-first DELETEs in one transaction). Every invocation starts from refilled tables.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*DeleteBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 6, invocationCount: 1)]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class DeleteBenchmarks : DatabaseBenchmark
{
    private FetchItem _items = null!;
    private CmpParent _parents = null!;
    private string _grandchildren = "", _children = "";

    protected override void Prepare()
    {
        _items = Schema.Table<FetchItem>();
        _parents = Schema.Table<CmpParent>();
        _children = Schema.Table<CmpChild>().FullTableName;
        _grandchildren = Schema.Table<CmpGrandchild>().FullTableName;
    }

    [IterationSetup(Targets = [nameof(RawDelete), nameof(Delete)])]
    public void FillItems()
    {
        _items.DeleteQuick();
        _items.Insert(FetchItemData.Create(FetchBenchmarks.Rows));
    }

    [IterationSetup(Targets = [nameof(RawCascade), nameof(Cascade)])]
    public void FillCascade()
    {
        Schema.Table<CmpGrandchild>().DeleteQuick();
        Schema.Table<CmpChild>().DeleteQuick();
        _parents.DeleteQuick();
        ComparisonData.FillCascade(Schema);
    }

    [Benchmark(Baseline = true, Description = "raw DELETE, 100k"), BenchmarkCategory("delete")]
    public int RawDelete() => RawQuery.Execute(Raw, $"DELETE FROM {_items.FullTableName}");

    [Benchmark(Description = "Delete(), 100k, no dependents"), BenchmarkCategory("delete")]
    public long Delete() => _items.Delete(prompt: false);

    [Benchmark(Baseline = true, Description = "raw child-first DELETEs, 22k"), BenchmarkCategory("cascade")]
    public int RawCascade() => RawQuery.Execute(Raw, $"DELETE FROM {_grandchildren}", $"DELETE FROM {_children}", $"DELETE FROM {_parents.FullTableName}");

    [Benchmark(Description = "Delete() cascading, 22k"), BenchmarkCategory("cascade")]
    public long Cascade() => _parents.Delete(prompt: false);
}
