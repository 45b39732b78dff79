using System.Diagnostics;
using System.Runtime.CompilerServices;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Populate;

// Same definitions (and so the same SQL tables) as samples/Workers: the worker processes of that sample bind their own
// classes to the tables these tests declare and fill.
[Definition("""
    # Work items
    item_id : int32
    ---
    value : int32
    """)]
public partial class Item : Manual;

[Definition("""
    # The square of each item, and which worker process made it
    -> Item
    ---
    square : int64
    worker_pid : int32
    """)]
public partial class Square : Computed
{
    void Make(Key key)
    {
        var item = (Schema.Table<Item>() & key).Fetch1();
        Insert1(new Row { ItemId = key.ItemId, Square = (long)item.Value * item.Value, WorkerPid = Environment.ProcessId });
    }
}

/// <summary>Separate OS processes (the samples/Workers program) reserving from one job table.</summary>
public sealed class WorkerProcessTests(Backend backend) : BackendTest(backend)
{
    private static readonly Lazy<string> WorkersDll = new(BuildWorkers, LazyThreadSafetyMode.ExecutionAndPublication);

    [Test]
    public async Task TwoProcessesMakeEveryKeyExactlyOnce()
    {
        const int keys = 150;
        Schema.Table<Item>().Insert(Enumerable.Range(1, keys).Select(i => new Item.Row { ItemId = i, Value = i }));
        var square = Schema.Table<Square>();
        square.Jobs.Refresh();

        var first = StartWorker();
        var second = StartWorker();
        var outputs = await Task.WhenAll(first.WaitAsync(), second.WaitAsync());

        Assert.That(outputs.Select(o => o.ExitCode), Is.All.Zero, string.Join("\n", outputs.SelectMany(o => o.Lines)));
        var made = outputs.SelectMany(o => o.Made).ToList();
        Assert.That(made, Is.Unique, "no key is made by two processes (or twice by one)");
        Assert.That(made.Order(), Is.EqualTo(Enumerable.Range(1, keys)));
        Assert.That(square.Count(), Is.EqualTo(keys));
        var pids = square.Fetch().GroupBy(r => r.WorkerPid).ToDictionary(g => g.Key, g => g.Select(r => r.ItemId).Order().ToList());
        foreach (var output in outputs)
        {
            Assert.That(pids.GetValueOrDefault(output.Pid, []), Is.EqualTo(output.Made.Order().ToList()), "rows record the process that made them");
        }

        Assert.That(square.Jobs.Progress().Total, Is.Zero);
    }

    [Test]
    public async Task KilledWorkerLeavesNoHalfWrittenKey()
    {
        Schema.Table<Item>().Insert(Enumerable.Range(1, 5).Select(i => new Item.Row { ItemId = i, Value = i }));
        var square = Schema.Table<Square>();
        square.Jobs.Refresh();

        var worker = StartWorker("--hang-on", "3");
        await worker.WaitForLineAsync("hanging 3", TimeSpan.FromSeconds(60));
        worker.Kill();
        var killed = await worker.WaitAsync();

        Assert.That(killed.Made, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(square.FetchKeys().Select(k => k.ItemId).Order(), Is.EqualTo(new[] { 1, 2 }), "key 3 was inserted but never committed");
        Assert.That(square.Jobs.Reserved.Count(), Is.EqualTo(1), "the killed worker's job stays reserved");
        Assert.That(square.Jobs.Pending.Count(), Is.EqualTo(2));

        await Task.Delay(50);
        var refreshed = square.Jobs.Refresh(new JobRefreshOptions { OrphanTimeout = 0 });
        Assert.That(refreshed.Orphaned, Is.EqualTo(1));
        var result = square.Populate(new PopulateOptions { ReserveJobs = true });

        Assert.That(result.SuccessCount, Is.EqualTo(3));
        Assert.That(square.Fetch().OrderBy(r => r.ItemId).Select(r => r.Square), Is.EqualTo(new long[] { 1, 4, 9, 16, 25 }));
        Assert.That(square.Jobs.Progress().Total, Is.Zero);
    }

    private RunningWorker StartWorker(params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(WorkersDll.Value);
        string[] connection = Backend == Backend.Sqlite
            ? ["--backend", "sqlite", "--database", Server.Host] // the test run's database file, shared with this process (WAL)
            : ["--backend", Backend == Backend.PostgreSql ? "postgresql" : "mysql", "--host", Server.Host, "--port", Server.Port.ToString(),
                "--user", Server.User, "--password", Server.Password];
        foreach (var a in (string[])["worker", "--schema", Schema.Name, .. connection, .. extra])
        {
            info.ArgumentList.Add(a);
        }

        return new RunningWorker(Process.Start(info)!);
    }

    /// <summary>Builds samples/Workers once per test run into a private artifacts directory and returns its dll.</summary>
    private static string BuildWorkers()
    {
        var project = Path.Combine(RepositoryRoot(), "samples", "Workers", "Workers.csproj");
        var artifacts = Path.Combine(Path.GetTempPath(), $"dj-workers-{Environment.ProcessId}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["build", project, "--artifacts-path", artifacts, "-nologo", "-v", "q"]) info.ArgumentList.Add(a);
        using var build = Process.Start(info)!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException($"Building {project} failed:\n{output.Result}\n{errors}");
        return Path.Combine(artifacts, "bin", "Workers", "debug", "Workers.dll");
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private sealed class RunningWorker
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly Task _stdout;
        private readonly Task<string> _stderr;

        public RunningWorker(Process process)
        {
            _process = process;
            _stderr = process.StandardError.ReadToEndAsync();
            _stdout = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    lock (_lines) _lines.Add(line);
                }
            });
        }

        public async Task WaitForLineAsync(string line, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                lock (_lines)
                {
                    if (_lines.Contains(line)) return;
                }

                if (_process.HasExited || clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"The worker did not print '{line}': {string.Join("\n", _lines)} {(_stderr.IsCompleted ? _stderr.Result : "")}");
                }

                await Task.Delay(20);
            }
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public async Task<WorkerOutput> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await _process.WaitForExitAsync(timeout.Token);
            await _stdout;
            var errors = await _stderr;
            lock (_lines)
            {
                var lines = _lines.Concat(errors.Length > 0 ? [errors] : []).ToList();
                var made = _lines.Where(l => l.StartsWith("made ", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(' ')[1])).ToList();
                return new WorkerOutput(_process.Id, _process.ExitCode, lines, made);
            }
        }
    }

    private sealed record WorkerOutput(int Pid, int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<int> Made);
}
