using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Fetching;
using Microsoft.Data.Sqlite;

namespace DataJoint.Benchmarks;

/// <summary>
/// Inserting <see cref="Rows"/> rows (int, varchar, double, date) into a SQLite file (WAL) with one typed <c>Insert</c> call,
/// next to the raw Microsoft.Data.Sqlite loop: one prepared INSERT run per row in one transaction. Each invocation inserts
/// into an emptied table.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*SqliteInsertBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 8, invocationCount: 1)]
[MemoryDiagnoser]
public class SqliteInsertBenchmarks : SqliteBenchmark
{
    public const int Rows = 100_000;

    private FetchItem _table = null!;
    private FetchItem.Row[] _rows = [];

    protected override void Prepare()
    {
        _table = Schema.Table<FetchItem>();
        _rows = FetchItemData.Create(Rows);
    }

    [IterationSetup]
    public void Empty() => _table.DeleteQuick();

    [Benchmark(Baseline = true, Description = "raw: prepared INSERT per row, one transaction")]
    public int RawPrepared()
    {
        using var connection = OpenRaw();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_table.FullTableName} (item_id, label, value, created) VALUES (@p0, @p1, @p2, @p3)";
        var id = command.Parameters.Add(new SqliteParameter("@p0", null));
        var label = command.Parameters.Add(new SqliteParameter("@p1", null));
        var value = command.Parameters.Add(new SqliteParameter("@p2", null));
        var created = command.Parameters.Add(new SqliteParameter("@p3", null));
        command.Prepare();
        foreach (var row in _rows)
        {
            id.Value = row.ItemId;
            label.Value = row.Label;
            value.Value = row.Value;
            created.Value = row.Created;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return _rows.Length;
    }

    [Benchmark(Description = "typed Insert(rows)")]
    public int Typed()
    {
        _table.Insert(_rows);
        return _rows.Length;
    }
}
