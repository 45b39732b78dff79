using System.Data.Common;
using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Populate;

namespace DataJoint.Benchmarks;

/// <summary>
/// Per-key overhead of populate: <c>Populate()</c> with a trivial Make (fetch one row, insert one row) against a raw
/// driver loop doing the same work per key in its own transaction (existence check, fetch, insert, commit). Each
/// invocation makes <see cref="Keys"/> keys; divide by it for the per-key time.
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*PopulateBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
[MemoryDiagnoser]
public class PopulateBenchmarks : DatabaseBenchmark
{
    public const int Keys = 1_000;

    private BenchDoubled _target = null!;
    private string _source = "";
    private string _doubled = "";

    protected override void Prepare()
    {
        Schema.Table<BenchSource>().Insert(Enumerable.Range(1, Keys).Select(i => new BenchSource.Row { BenchId = i, Value = i }));
        _target = Schema.Table<BenchDoubled>();
        _source = Schema.Table<BenchSource>().FullTableName;
        _doubled = _target.FullTableName;
    }

    [IterationSetup]
    public void Empty() => _target.DeleteQuick();

    [Benchmark(Baseline = true, Description = "raw per-key transaction loop")]
    public int RawLoop()
    {
        var p = Backend == Backend.PostgreSql ? (Func<int, string>)(i => "$" + (i + 1)) : i => "@p" + i;
        using var connection = Raw.OpenConnection();
        var made = 0;
        for (var id = 1; id <= Keys; id++)
        {
            using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            if (Scalar(connection, transaction, $"SELECT count(*) FROM {_doubled} WHERE bench_id = {p(0)}", id) != 0) continue;
            var value = Scalar(connection, transaction, $"SELECT value FROM {_source} WHERE bench_id = {p(0)}", id);
            using (var insert = Command(connection, transaction, $"INSERT INTO {_doubled} (bench_id, doubled) VALUES ({p(0)}, {p(1)})", id, value * 2))
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

    [Benchmark(Description = "Populate(ReserveJobs) with a trivial Make")]
    public int PopulateReserved() => _target.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount;

    private static long Scalar(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = connection is Npgsql.NpgsqlConnection ? "" : "@p" + i;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
