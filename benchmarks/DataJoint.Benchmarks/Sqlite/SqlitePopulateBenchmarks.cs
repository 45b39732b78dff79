using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Populate;
using Microsoft.Data.Sqlite;

namespace DataJoint.Benchmarks;

/// <summary>
/// Per-key overhead of populate on a SQLite file (WAL): <c>Populate()</c> with a trivial Make (fetch one row, insert one
/// row) against a raw Microsoft.Data.Sqlite loop sending the same statements per key on one connection: <c>BEGIN
/// IMMEDIATE</c>, the existence check, the Make's fetch, its insert, <c>COMMIT</c>. Each invocation makes <see cref="Keys"/>
/// keys; divide by it for the per-key time.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*SqlitePopulateBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
[MemoryDiagnoser]
public class SqlitePopulateBenchmarks : SqliteBenchmark
{
    public const int Keys = 1_000;

    private BenchDoubled _target = null!;
    private string _exists = "";
    private string _fetch = "";
    private string _insert = "";

    protected override void Prepare()
    {
        var source = Schema.Table<BenchSource>();
        source.Insert(Enumerable.Range(1, Keys).Select(i => new BenchSource.Row { BenchId = i, Value = i }));
        _target = Schema.Table<BenchDoubled>();
        // The statements Populate sends per key on SQLite (traced with sqlite3_trace), parameters bound the same way.
        _exists = $"SELECT CASE WHEN EXISTS (SELECT 1 FROM {_target.FullTableName} WHERE (\"bench_id\"=@p0)) THEN 1 ELSE 0 END";
        _fetch = $"SELECT \"bench_id\",\"value\" FROM {source.FullTableName} WHERE (\"bench_id\"=@p0) ORDER BY \"bench_id\" LIMIT 2";
        _insert = $"INSERT INTO {_target.FullTableName} (\"bench_id\", \"doubled\") VALUES (@p0, @p1)";
    }

    [IterationSetup]
    public void Empty() => _target.DeleteQuick();

    [Benchmark(Baseline = true, Description = "raw per-key transaction loop")]
    public int RawLoop()
    {
        using var connection = OpenRaw();
        var made = 0;
        for (var id = 1; id <= Keys; id++)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var exists = Command(connection, transaction, _exists, id))
            {
                if ((long)exists.ExecuteScalar()! != 0) continue;
            }

            long value;
            using (var fetch = Command(connection, transaction, _fetch, id))
            using (var reader = fetch.ExecuteReader())
            {
                if (!reader.Read()) throw new InvalidOperationException($"No source row {id}.");
                value = reader.GetInt32(1);
                if (reader.Read()) throw new InvalidOperationException($"More than one source row {id}.");
            }

            using (var insert = Command(connection, transaction, _insert, id, value * 2))
            {
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            made++;
        }

        return made;
    }

    [Benchmark(Description = "Populate() with a trivial Make")]
    public int Populate() => _target.Populate().SuccessCount;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params object[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue("@p" + i, values[i]);
        return command;
    }
}
