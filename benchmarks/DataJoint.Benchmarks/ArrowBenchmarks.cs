using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;

namespace DataJoint.Benchmarks;

/// <summary>
/// The same <see cref="Rows"/> rows (int, varchar, double, date) as an Arrow record batch, as a stream of batches and as a data frame, next to the
/// typed fetch and a raw DataReader loop filling plain arrays (the columnar baseline) over the same SELECT in the same run.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*ArrowBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class ArrowBenchmarks : DatabaseBenchmark
{
    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    private FetchItem _table = null!;
    private string _select = "";

    protected override void Prepare()
    {
        _table = Schema.Table<FetchItem>();
        _table.Insert(FetchItemData.Create(Rows));
        _select = _table.Sql;
    }

    [Benchmark(Baseline = true, Description = "raw DataReader into arrays")]
    public int RawColumns()
    {
        using var connection = Raw.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = _select;
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        var labels = new List<string>();
        var values = new List<double>();
        var created = new List<DateOnly>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
            labels.Add(reader.GetString(1));
            values.Add(reader.GetDouble(2));
            created.Add(reader.GetFieldValue<DateOnly>(3));
        }

        return ids.Count;
    }

    [Benchmark(Description = "typed Fetch() (generated mapper)")]
    public int Typed() => _table.Fetch().Count;

    [Benchmark(Description = "ToArrow() (RecordBatch)")]
    public int Arrow()
    {
        using var batch = _table.ToArrow();
        return batch.Length;
    }

    [Benchmark(Description = "ToArrowBatches(65536)")]
    public long ArrowBatches()
    {
        long rows = 0;
        foreach (var batch in _table.ToArrowBatches(65_536))
        {
            rows += batch.Length;
            batch.Dispose();
        }

        return rows;
    }

    [Benchmark(Description = "ToDataFrame()")]
    public long DataFrame() => _table.ToDataFrame().Rows.Count;
}
