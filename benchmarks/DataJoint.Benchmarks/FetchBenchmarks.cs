using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;

namespace DataJoint.Benchmarks;

/// <summary>
/// Fetching <see cref="Rows"/> rows (int, varchar, double, date) as generated rows, as dictionaries, streamed,
/// and into a user record, next to a raw DataReader loop over the same SELECT in the same run.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*FetchBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class FetchBenchmarks : DatabaseBenchmark
{
    public const int Rows = 100_000;

    private FetchItem _table = null!;
    private string _select = "";

    protected override void Prepare()
    {
        _table = Schema.Table<FetchItem>();
        _table.Insert(FetchItemData.Create(Rows));
        _select = _table.Sql;
    }

    [Benchmark(Baseline = true, Description = "raw DataReader loop")]
    public int RawReader()
    {
        using var connection = Raw.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = _select;
        using var reader = command.ExecuteReader();
        return FetchItemData.ReadRecords(reader).Count;
    }

    [Benchmark(Description = "typed Fetch() (generated mapper)")]
    public int Typed() => _table.Fetch().Count;

    [Benchmark(Description = "Fetch<TRecord>() (compiled mapper)")]
    public int Record() => _table.Fetch<FetchItemRecord>().Count;

    [Benchmark(Description = "ToDicts()")]
    public int Dicts() => _table.ToDicts().Count;

    [Benchmark(Description = "typed Stream() (no buffering)")]
    public async Task<int> Streamed()
    {
        var count = 0;
        await foreach (var _ in _table.Stream()) count++;
        return count;
    }
}
