// Distributed populate: several worker processes share one job table and make every key exactly once.
//
//   dotnet run --project samples/Workers                      coordinator: 4 workers, 200 keys, MySQL on localhost
//   dotnet run --project samples/Workers -- --backend postgresql --workers 6 --keys 500
//   dotnet run --project samples/Workers -- --backend sqlite --database workers.db
//                                                             no server: the processes share one SQLite file (WAL)
//   dotnet Workers.dll worker --schema NAME [--hang-on ID] [--progress]
//                                                             one worker (what the coordinator starts); --progress draws
//                                                             a live progress bar when run in a terminal
//
// Connection: --host/--port/--user/--password/--backend, else DJ_HOST, DJ_PORT, DJ_USER, DJ_PASS, DJ_BACKEND, else the
// servers of scripts/db-servers.sh (127.0.0.1, datajoint/datajoint); with --backend sqlite, --database names the file
// (default workers.db in the current folder).
using System.Diagnostics;
using DataJoint;
using Workers;

var options = Options.Parse(args);
if (options.Mode == "worker")
{
    return RunWorker(options);
}

return RunCoordinator(options);

static int RunWorker(Options options)
{
    Square.HangOn = options.HangOn;
    using var instance = options.Connect();
    var schema = instance.Schema(options.Schema ?? throw new ArgumentException("worker needs --schema"), createSchema: false);
    var square = schema.Table<Square>();
    var populate = new PopulateOptions { ReserveJobs = true };
    var result = options.Progress ? square.PopulateWithProgressBar(populate) : square.Populate(populate);
    Console.Out.WriteLine($"worker {Environment.ProcessId} done: {result.SuccessCount} made, {result.Errors.Count} failed");
    return result.Errors.Count == 0 ? 0 : 1;
}

static int RunCoordinator(Options options)
{
    using var instance = options.Connect();
    instance.Config.SafeMode = false;
    var schema = instance.Schema($"workers_demo_{Guid.NewGuid():N}"[..24]);
    try
    {
        var items = schema.Table<Item>();
        items.Insert(Enumerable.Range(1, options.Keys).Select(i => new Item.Row { ItemId = i, Value = i }));
        var square = schema.Table<Square>();
        square.Jobs.Refresh();
        Console.WriteLine($"{options.Keys} keys queued in {square.Jobs.FullTableName}; starting {options.Workers} worker processes");

        var workers = Enumerable.Range(0, options.Workers).Select(_ => WorkerProcess.Start(options, schema.Name)).ToList();
        var outputs = workers.Select(w => w.WaitForExit()).ToList();

        var made = outputs.SelectMany(o => o.Lines).Where(l => l.StartsWith("made ", StringComparison.Ordinal))
            .Select(l => int.Parse(l.Split(' ')[1])).ToList();
        var perProcess = outputs.Select(o => o.Lines.Count(l => l.StartsWith("made ", StringComparison.Ordinal))).ToList();
        var rows = square.Count();
        var duplicates = made.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = Enumerable.Range(1, options.Keys).Except(made).ToList();
        Console.WriteLine($"keys made per worker process: {string.Join(", ", perProcess)}");
        Console.WriteLine($"Make calls: {made.Count}, distinct keys: {made.Distinct().Count()}, rows in {square.FullTableName}: {rows}, "
            + $"jobs left: {square.Jobs.Progress().Total}");
        var ok = duplicates.Count == 0 && missing.Count == 0 && rows == options.Keys && outputs.All(o => o.ExitCode == 0);
        Console.WriteLine(ok
            ? "PROOF: every key was computed exactly once."
            : $"FAILED: duplicates [{string.Join(",", duplicates)}], missing [{string.Join(",", missing)}], exit codes [{string.Join(",", outputs.Select(o => o.ExitCode))}]");
        return ok ? 0 : 1;
    }
    finally
    {
        schema.Drop(prompt: false);
    }
}

/// <summary>A worker process started from this same program.</summary>
internal sealed class WorkerProcess
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(Options options, string schema)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        info.FileName = self;
        // Started as `dotnet Workers.dll`: run the same dll again.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) info.ArgumentList.Add(typeof(Item).Assembly.Location);
        foreach (var a in options.WorkerArguments(schema)) info.ArgumentList.Add(a);
        var worker = new WorkerProcess(Process.Start(info)!);
        worker._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (worker._lines) worker._lines.Add(e.Data);
        };
        worker._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Console.Error.WriteLine($"[worker {worker._process.Id}] {e.Data}");
        };
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    public (IReadOnlyList<string> Lines, int ExitCode) WaitForExit()
    {
        _process.WaitForExit();
        lock (_lines) return (_lines.ToList(), _process.ExitCode);
    }
}

/// <summary>Command-line options.</summary>
internal sealed record Options(string Mode, string Host, int? Port, string User, string Password, Backend Backend, int Workers, int Keys,
    string? Schema, int? HangOn, bool Progress, string Database)
{
    public static Options Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "coordinator";
        string? Get(string name, string? env)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : env is null ? null : Environment.GetEnvironmentVariable(env);
        }

        var backendText = Get("backend", "DJ_BACKEND") ?? "mysql";
        var backend = backendText.ToLowerInvariant() switch
        {
            "mysql" or "mariadb" => Backend.MySql,
            "postgresql" or "postgres" => Backend.PostgreSql,
            "sqlite" => Backend.Sqlite,
            _ => throw new ArgumentException($"--backend must be mysql, postgresql or sqlite, not '{backendText}'."),
        };
        return new Options(mode, Get("host", "DJ_HOST") ?? "127.0.0.1", int.TryParse(Get("port", "DJ_PORT"), out var port) ? port : null,
            Get("user", "DJ_USER") ?? "datajoint", Get("password", "DJ_PASS") ?? "datajoint", backend,
            int.TryParse(Get("workers", null), out var w) ? w : 4, int.TryParse(Get("keys", null), out var k) ? k : 200,
            Get("schema", null), int.TryParse(Get("hang-on", null), out var h) ? h : null, args.Contains("--progress"),
            Path.GetFullPath(Get("database", null) ?? "workers.db"));
    }

    public Instance Connect() => Backend == Backend.Sqlite ? new(Backend.Sqlite, Database) : new(Host, User, Password, port: Port, backend: Backend);

    public IEnumerable<string> WorkerArguments(string schema)
    {
        yield return "worker";
        yield return "--schema";
        yield return schema;
        yield return "--backend";
        if (Backend == Backend.Sqlite)
        {
            yield return "sqlite";
            yield return "--database";
            yield return Database;
            yield break;
        }

        yield return Backend == Backend.PostgreSql ? "postgresql" : "mysql";
        yield return "--host";
        yield return Host;
        if (Port is { } port)
        {
            yield return "--port";
            yield return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        yield return "--user";
        yield return User;
        yield return "--password";
        yield return Password;
    }
}
