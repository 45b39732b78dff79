using System.Diagnostics;
using System.Globalization;
using DataJoint.Tests.Infrastructure;

[assembly: NUnit.Framework.LevelOfParallelism(2)]

namespace DataJoint.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool printed and exited with.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>
/// Base of the tool's tests: once per backend (<see cref="BackendTest"/>: a fresh instance and schema per test), running
/// `dotnet dj` in process with this backend's server given as options.
/// </summary>
public abstract class CliTest(Backend backend) : BackendTest(backend)
{
    /// <summary>The connection options for this backend's test server.</summary>
    protected string[] ConnectionArgs => Backend == Backend.Sqlite
        ? ["--backend", "sqlite", "--database", Server.Host]
        :
        [
            "--host", Server.Host, "--port", Server.Port.ToString(CultureInfo.InvariantCulture), "--user", Server.User, "--password", Server.Password,
            "--backend", Backend == Backend.PostgreSql ? "postgresql" : "mysql",
        ];

    /// <summary>Runs the tool with <paramref name="args"/> followed by the connection options.</summary>
    protected Task<CliRun> DjAsync(params string[] args) => RunAsync([.. args, .. ConnectionArgs]);

    /// <summary>Runs the tool with exactly <paramref name="args"/>.</summary>
    protected static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await DjCommandLine.RunAsync(args, output, error);
        var run = new CliRun(exitCode, output.ToString(), error.ToString());
        TestContext.Out.WriteLine($"dj {string.Join(' ', args.TakeWhile(a => a != "--host"))} → {exitCode}\n{run.Output}{run.Error}");
        return run;
    }

    /// <summary>
    /// Runs the built dotnet-dj program in <paramref name="directory"/> with only the given DJ_* variables; <paramref name="whileRunning"/>
    /// gets the process once it started (to interrupt it).
    /// </summary>
    protected static async Task<CliRun> RunProgramAsync(string directory, IReadOnlyDictionary<string, string?> environment, string[] args,
        Func<Process, Task>? whileRunning = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No terminal to answer a prompt: what a script or CI job gives the tool.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dotnet-dj.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DJ_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            if (whileRunning is not null) await whileRunning(process);
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var run = new CliRun(process.ExitCode, await output, await error);
        TestContext.Out.WriteLine($"dotnet-dj {string.Join(' ', args.TakeWhile(a => a != "--host" && a != "--backend"))} → {run.ExitCode}\n{run.Output}{run.Error}");
        return run;
    }

    /// <summary>Runs the built program with <paramref name="args"/> followed by the connection options, in a fresh folder.</summary>
    protected Task<CliRun> DjProcessAsync(string[] args, Func<Process, Task>? whileRunning = null) =>
        RunProgramAsync(Directory.CreateTempSubdirectory("dj-cli-run-").FullName, new Dictionary<string, string?>(), [.. args, .. ConnectionArgs], whileRunning);

    /// <summary>A fresh schema (dropped after the test) with <see cref="LabTables"/> declared and a few rows.</summary>
    protected Schema NewLabSchema()
    {
        var schema = NewSchema(prefix: "djcli");
        schema.Table<Subject>().Insert([new Subject.Row { SubjectId = 1, Species = "mouse" }, new Subject.Row { SubjectId = 2, Species = "rat" }]);
        schema.Table<Session>().Insert1(new Session.Row { SubjectId = 1, SessionIdx = 1, Note = "first" });
        schema.Table<Session.Trial>().Insert1(new Session.Trial.Row { SubjectId = 1, SessionIdx = 1, TrialIdx = 1, Outcome = "hit" });
        _ = schema.Table<Species>();
        return schema;
    }
}
