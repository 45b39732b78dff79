using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;

namespace DataJoint.Benchmarks;

/// <summary>
/// Fetching <see cref="Rows"/> rows (int, varchar, double, date) from a SQLite file (WAL) with the typed <c>Fetch()</c>,
/// next to a raw Microsoft.Data.Sqlite reader loop over the same SELECT into records, in the same run.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*SqliteFetchBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class SqliteFetchBenchmarks : SqliteBenchmark
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

    [Benchmark(Baseline = true, Description = "raw reader loop into records")]
    public int RawReader()
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = _select;
        using var reader = command.ExecuteReader();
        return FetchItemData.ReadRecords(reader).Count;
    }

    [Benchmark(Description = "typed Fetch() (generated mapper)")]
    public int Typed() => _table.Fetch().Count;
}
