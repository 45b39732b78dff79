using System.Data.Common;
using BenchmarkDotNet.Attributes;
using DataJoint.Benchmarks.Populate;

namespace DataJoint.Benchmarks;

/// <summary>
/// Per-key overhead of populate: <c>Populate()</c> with a trivial Make (fetch one row, insert one row) against a raw
/// driver loop doing the same work per key in its own transaction (existence check, fetch, insert, commit). Each
/// invocation makes <see cref="Keys"/> keys; divide by it for the per-key time.
/// With reserved jobs the raw loop sends the same reservation UPDATE and completion DELETE per key as
/// <c>Populate(ReserveJobs)</c>; its job rows are made pending before the measurement (Populate refreshes them inside it,
/// a few statements per call). <see cref="PopulateWith"/> and <see cref="RawLoopWith"/> split the keys over workers
/// (DataJoint.Probe's <c>parallel</c> curve).
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
    private string _jobs = "";

    protected override void Prepare()
    {
        Schema.Table<BenchSource>().Insert(Enumerable.Range(1, Keys).Select(i => new BenchSource.Row { BenchId = i, Value = i }));
        _target = Schema.Table<BenchDoubled>();
        _source = Schema.Table<BenchSource>().FullTableName;
        _doubled = _target.FullTableName;
        _jobs = _target.Jobs.FullTableName;
    }

    [IterationSetup(Targets = [nameof(RawLoop), nameof(Populate), nameof(PopulateReserved)])]
    public void Empty() => _target.DeleteQuick();

    /// <summary>Empties the target and makes a pending job of every key, as the refresh at the start of Populate(ReserveJobs) does.</summary>
    [IterationSetup(Targets = [nameof(RawLoopReserved)])]
    public void EmptyWithPendingJobs()
    {
        _target.DeleteQuick();
        _target.Jobs.DeleteQuick();
        _target.Jobs.Refresh();
    }

    [Benchmark(Baseline = true, Description = "raw per-key transaction loop")]
    public int RawLoop() => RawKeys(1, 0, reserve: false);

    [Benchmark(Description = "raw per-key transaction loop with the reservation statements")]
    public int RawLoopReserved() => RawKeys(1, 0, reserve: true);

    [Benchmark(Description = "Populate() with a trivial Make")]
    public int Populate() => _target.Populate().SuccessCount;

    [Benchmark(Description = "Populate(ReserveJobs) with a trivial Make")]
    public int PopulateReserved() => _target.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount;

    /// <summary><c>Populate</c> with <paramref name="workers"/> workers (<see cref="PopulateOptions.Parallelism"/>).</summary>
    public int PopulateWith(int workers, bool reserve = false) =>
        _target.Populate(new PopulateOptions { Parallelism = workers, ReserveJobs = reserve }).SuccessCount;

    /// <summary>The raw loop on <paramref name="workers"/> threads, each with its own connection and every workers-th key.</summary>
    public int RawLoopWith(int workers)
    {
        var made = new int[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w => made[w] = RawKeys(workers, w, reserve: false));
        return made.Sum();
    }

    private int RawKeys(int stride, int offset, bool reserve)
    {
        var p = Backend == Backend.PostgreSql ? (Func<int, string>)(i => "$" + (i + 1)) : i => "@p" + i;
        var q = Backend == Backend.PostgreSql ? (Func<string, string>)(n => "\"" + n + "\"") : n => "`" + n + "`";
        var (now, session, user) = Backend == Backend.PostgreSql
            ? ("LOCALTIMESTAMP(3)", "pg_backend_pid()", "current_user")
            : ("CURRENT_TIMESTAMP(3)", "CONNECTION_ID()", "USER()");
        var reservation = $"UPDATE {_jobs} SET {q("status")} = {p(0)}, {q("reserved_time")} = {now}, {q("host")} = {p(1)}, {q("pid")} = {p(2)}, "
            + $"{q("connection_id")} = {session}, {q("user")} = {user}, {q("version")} = {p(3)}, {q("error_message")} = {p(4)}, {q("error_stack")} = NULL "
            + $"WHERE ({q("bench_id")} = {p(5)}) AND status='pending' AND scheduled_time <= {now}";
        using var connection = Raw.OpenConnection();
        var made = 0;
        for (var id = 1 + offset; id <= Keys; id += stride)
        {
            if (reserve && Execute(connection, null, reservation, "reserved", Environment.MachineName, Environment.ProcessId, "", "", id) != 1) continue;
            using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            if (Scalar(connection, transaction, $"SELECT count(*) FROM {_doubled} WHERE bench_id = {p(0)}", id) != 0) continue;
            var value = Scalar(connection, transaction, $"SELECT value FROM {_source} WHERE bench_id = {p(0)}", id);
            using (var insert = Command(connection, transaction, $"INSERT INTO {_doubled} (bench_id, doubled) VALUES ({p(0)}, {p(1)})", id, value * 2))
            {
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            if (reserve) Execute(connection, null, $"DELETE FROM {_jobs} WHERE ({q("bench_id")} = {p(0)})", id);
            made++;
        }

        return made;
    }

    private static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    private static long Scalar(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object[] values)
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
