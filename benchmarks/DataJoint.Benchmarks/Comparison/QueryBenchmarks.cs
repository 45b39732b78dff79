using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;

namespace DataJoint.Benchmarks.Comparison;

/// <summary>
/// Per-query fixed cost: a restricted fetch of 1,000 of 100,000 rows, and a 10k × 10k join, typed and as dictionaries,
/// next to raw reader loops over the same SELECTs. bench.py times the same queries in DataJoint-Python.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*QueryBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class QueryBenchmarks : DatabaseBenchmark
{
    private FetchItem _restricted = null!;
    private QueryExpression _join = null!;
    private string _restrictedSql = "";
    private string _joinSql = "";

    protected override void Prepare()
    {
        var items = Schema.Table<FetchItem>();
        items.Insert(FetchItemData.Create(FetchBenchmarks.Rows));
        _restricted = items & "item_id BETWEEN 5001 AND 6000";
        _restrictedSql = _restricted.Sql;
        ComparisonData.FillJoin(Schema);
        _join = Schema.Table<CmpLeft>() * Schema.Table<CmpRight>();
        _joinSql = _join.Sql;
    }

    [Benchmark(Baseline = true, Description = "raw reader, restricted 1,000"), BenchmarkCategory("restricted")]
    public int RawRestricted() => RawQuery.Read(Raw, _restrictedSql, r =>
        new FetchItemRecord(r.GetInt32(0), r.GetString(1), r.GetDouble(2), r.GetFieldValue<DateOnly>(3))).Count;

    [Benchmark(Description = "typed Fetch(), restricted 1,000"), BenchmarkCategory("restricted")]
    public int TypedRestricted() => _restricted.Fetch().Count;

    [Benchmark(Baseline = true, Description = "raw reader, join 10k"), BenchmarkCategory("join")]
    public int RawJoin() => RawQuery.Read(Raw, _joinSql, r => (r.GetInt32(0), r.GetInt32(1), r.GetDouble(2))).Count;

    [Benchmark(Description = "Fetch<TRecord>(), join 10k"), BenchmarkCategory("join")]
    public int TypedJoin() => _join.Fetch<JoinedRecord>().Count;

    [Benchmark(Baseline = true, Description = "raw dictionaries, join 10k"), BenchmarkCategory("join-dicts")]
    public int RawJoinDicts() => RawQuery.Dictionaries(Raw, _joinSql).Count;

    [Benchmark(Description = "ToDicts(), join 10k"), BenchmarkCategory("join-dicts")]
    public int JoinDicts() => _join.ToDicts().Count;

    public sealed record JoinedRecord(int JoinId, int LeftValue, double RightValue);
}
