// Diagnostics behind docs/performance.md that BenchmarkDotNet does not give: the statements each populated key sends,
// process CPU per key next to wall time (CPU is what a loaded machine takes away), and allocations by type.
// It drives the benchmark classes themselves, so the work is exactly what the benchmarks measure.
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> commands
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> populate-cpu [repetitions]
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> parallel [repetitions]   (1, 2, 4, 8 workers)
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> fetch-cpu [repetitions]
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> query-cpu [repetitions]
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> delete-cpu [repetitions]
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> delete-commands
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> allocations <populate|dicts|typed>
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- sqlite sqlite-cpu [repetitions]   (the Sqlite*Benchmarks, interleaved)
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- sqlite sqlite-allocations <insert|fetch|populate>
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- sqlite sqlite-repeat <insert|raw-insert|fetch|raw-fetch|populate|raw-populate> [seconds]
//   dotnet run -c Release --project benchmarks/DataJoint.Probe -- <mysql|postgresql> repeat <restricted|raw-restricted|join|raw-join|populate|raw-populate> [seconds]
//     (one case in a loop, for a profiler attached from outside: perf record with DOTNET_PerfMapEnabled=1)
using DataJoint;
using DataJoint.Benchmarks;
using DataJoint.Benchmarks.Comparison;
using DataJoint.Probe;

if (args.Length < 2) throw new ArgumentException("usage: <mysql|postgresql> <commands|populate-cpu|fetch-cpu|allocations> [argument]");
var backend = args[0] switch { "postgresql" => Backend.PostgreSql, "sqlite" => Backend.Sqlite, _ => Backend.MySql };
var repetitions = args.Length > 2 && int.TryParse(args[2], out var r) ? r : 5;
switch (args[1])
{
    case "commands":
        Run(new PopulateBenchmarks { Backend = backend }, b =>
        {
            b.Empty();
            CommandCounter.Print(backend + " Populate()", b.Populate);
            b.Empty();
            CommandCounter.Print(backend + " Populate(ReserveJobs)", b.PopulateReserved);
        });
        break;
    case "populate-cpu":
        Run(new PopulateBenchmarks { Backend = backend }, b => CpuMeter.Print(backend, repetitions, PopulateBenchmarks.Keys, "per key",
        [
            ("raw per-key transaction loop", 1, b.Empty, b.RawLoop),
            ("Populate()", 1, b.Empty, b.Populate),
            ("Populate(ReserveJobs)", 1, b.Empty, b.PopulateReserved),
            ("raw loop with reservations", 1, b.EmptyWithPendingJobs, b.RawLoopReserved),
        ]));
        break;
    case "parallel":
        Run(new PopulateBenchmarks { Backend = backend }, b => CpuMeter.Print(backend, repetitions, PopulateBenchmarks.Keys, "per key",
            [.. new[] { 1, 2, 4, 8 }.SelectMany(workers => new (string, int, Action?, Func<int>)[]
            {
                ($"raw loop, {workers} thread(s)", 1, b.Empty, () => b.RawLoopWith(workers)),
                ($"Populate(Parallelism = {workers})", 1, b.Empty, () => b.PopulateWith(workers)),
                ($"Populate(ReserveJobs, Parallelism = {workers})", 1, b.Empty, () => b.PopulateWith(workers, reserve: true)),
            })]));
        break;
    case "fetch-cpu":
        Run(new FetchBenchmarks { Backend = backend }, f => Run(new QueryBenchmarks { Backend = backend }, q =>
            CpuMeter.Print(backend, repetitions, 1, "per call",
            [
                ("raw reader, 100k", 1, f.RawReader), ("typed Fetch(), 100k", 1, f.Typed), ("Fetch<TRecord>(), 100k", 1, f.Record),
                ("ToDicts(), 100k", 1, f.Dicts), ("raw reader, restricted 1,000", 50, q.RawRestricted),
                ("typed Fetch(), restricted 1,000", 50, q.TypedRestricted), ("raw reader, join 10k", 5, q.RawJoin),
                ("Fetch<TRecord>(), join 10k", 5, q.TypedJoin), ("raw dictionaries, join 10k", 5, q.RawJoinDicts),
                ("ToDicts(), join 10k", 5, q.JoinDicts),
            ])));
        break;
    case "query-cpu":
        Run(new QueryBenchmarks { Backend = backend }, q => CpuMeter.Print(backend, repetitions, 1, "per call",
        [
            ("raw reader, restricted 1,000", 200, q.RawRestricted), ("typed Fetch(), restricted 1,000", 200, q.TypedRestricted),
            ("raw reader, join 10k", 20, q.RawJoin), ("Fetch<TRecord>(), join 10k", 20, q.TypedJoin),
            ("raw dictionaries, join 10k", 20, q.RawJoinDicts), ("ToDicts(), join 10k", 20, q.JoinDicts),
        ]));
        break;
    case "delete-cpu":
        Run(new DeleteBenchmarks { Backend = backend }, d => CpuMeter.Print(backend, repetitions, 1, "per call",
        [
            ("raw DELETE, 100k", 1, d.FillItems, d.RawDelete),
            ("Delete(), 100k, no dependents", 1, d.FillItems, () => (int)d.Delete()),
            ("raw child-first DELETEs, 22k", 1, d.FillCascade, d.RawCascade),
            ("Delete() cascading, 22k", 1, d.FillCascade, () => (int)d.Cascade()),
        ]));
        break;
    case "delete-commands":
        Run(new DeleteBenchmarks { Backend = backend }, d =>
        {
            d.FillItems();
            CommandCounter.Print(backend + " Delete(), no dependents", () => (int)d.Delete());
            d.FillCascade();
            CommandCounter.Print(backend + " Delete() cascading", () => (int)d.Cascade());
        });
        break;
    case "allocations" when args.Length > 2 && args[2] == "populate":
        Run(new PopulateBenchmarks { Backend = backend }, b => AllocationSampler.Print(() => { b.Empty(); b.Populate(); }));
        break;
    case "allocations" when args.Length > 2:
        Run(new FetchBenchmarks { Backend = backend }, f => AllocationSampler.Print(args[2] == "dicts" ? () => f.Dicts() : () => f.Typed()));
        break;
    case "sqlite-repeat" when args.Length > 2:
        RunSqlite(new SqliteInsertBenchmarks(), i => RunSqlite(new SqliteFetchBenchmarks(), f => RunSqlite(new SqlitePopulateBenchmarks(), p =>
            Repeat(args, args[2] switch
            {
                "insert" => () => { i.Empty(); return i.Typed(); },
                "raw-insert" => () => { i.Empty(); return i.RawPrepared(); },
                "fetch" => f.Typed,
                "raw-fetch" => f.RawReader,
                "populate" => () => { p.Empty(); return p.Populate(); },
                "raw-populate" => () => { p.Empty(); return p.RawLoop(); },
                _ => throw new ArgumentException($"Unknown case '{args[2]}'."),
            }))));
        break;
    case "repeat" when args.Length > 2 && args[2].EndsWith("populate", StringComparison.Ordinal):
        Run(new PopulateBenchmarks { Backend = backend }, b => Repeat(args, args[2] == "raw-populate"
            ? () => { b.Empty(); return b.RawLoop(); }
            : () => { b.Empty(); return b.Populate(); }));
        break;
    case "repeat" when args.Length > 2:
        Run(new QueryBenchmarks { Backend = backend }, q => Repeat(args, args[2] switch
        {
            "restricted" => q.TypedRestricted,
            "raw-restricted" => q.RawRestricted,
            "join" => q.TypedJoin,
            "raw-join" => q.RawJoin,
            _ => throw new ArgumentException($"Unknown case '{args[2]}'."),
        }));
        break;
    case "sqlite-cpu":
        RunSqlite(new SqliteInsertBenchmarks(), i => RunSqlite(new SqliteFetchBenchmarks(), f => RunSqlite(new SqlitePopulateBenchmarks(), p =>
            CpuMeter.Print(backend, repetitions, 1, "per call",
            [
                ("raw prepared INSERT, 100k", 1, i.Empty, i.RawPrepared), ("typed Insert(rows), 100k", 1, i.Empty, i.Typed),
                ("raw reader into records, 100k", 1, null, f.RawReader), ("typed Fetch(), 100k", 1, null, f.Typed),
                ("raw per-key transactions, 1,000 keys", 1, p.Empty, p.RawLoop), ("Populate(), 1,000 keys", 1, p.Empty, p.Populate),
            ]))));
        break;
    case "sqlite-allocations" when args.Length > 2:
        RunSqlite(new SqliteInsertBenchmarks(), i => RunSqlite(new SqliteFetchBenchmarks(), f => RunSqlite(new SqlitePopulateBenchmarks(), p =>
            AllocationSampler.Print(args[2] switch
            {
                "insert" => () => { i.Empty(); i.Typed(); },
                "fetch" => () => f.Typed(),
                "populate" => () => { p.Empty(); p.Populate(); },
                _ => throw new ArgumentException($"Unknown case '{args[2]}'."),
            }))));
        break;
    default:
        throw new ArgumentException($"Unknown probe '{args[1]}'.");
}

static void Repeat(string[] args, Func<int> work)
{
    var seconds = args.Length > 3 && int.TryParse(args[3], out var s) ? s : 20;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var calls = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        work();
        calls++;
    }

    Console.WriteLine($"{args[2]}: {calls} calls, {clock.Elapsed.TotalMilliseconds / calls:F3} ms each");
}

static void RunSqlite<T>(T benchmark, Action<T> probe)
    where T : SqliteBenchmark =>
    Around(benchmark.Setup, benchmark.Cleanup, () => probe(benchmark));

static void Run<T>(T benchmark, Action<T> probe)
    where T : DatabaseBenchmark =>
    Around(benchmark.Setup, benchmark.Cleanup, () => probe(benchmark));

static void Around(Action setup, Action cleanup, Action body)
{
    setup();
    try
    {
        body();
    }
    finally
    {
        cleanup();
    }
}
