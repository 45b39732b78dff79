using System.Diagnostics;
using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Interop.Tests.Infrastructure;

/// <summary>
/// Runs DataJoint-Python itself. The interpreter is <c>DJ_PYTHON</c> (any Python with <c>datajoint</c> importable) or,
/// by default, the shared peer beside the repository (<c>../shared/peer/python</c>, DataJoint-Python 2.3.2). With none
/// found the tests are ignored with instructions, and fail when <c>CI</c> is set.
/// </summary>
public static class PythonPeer
{
    private static readonly Lazy<Task<(string? Command, string Problem)>> Resolved = new(ResolveAsync);

    private static string ScriptDirectory => Path.Combine(AppContext.BaseDirectory, "python");

    /// <summary>The interpreter, or the test is ignored (failed under CI) saying how to get one.</summary>
    public static async Task<string> RequireAsync()
    {
        var (command, problem) = await Resolved.Value.ConfigureAwait(false);
        if (command is not null) return command;
        if (TestServer.IsCi) Assert.Fail(problem);
        Assert.Ignore(problem);
        return "";
    }

    /// <summary>
    /// Runs <c>python/&lt;script&gt;</c> with <paramref name="args"/> against <paramref name="server"/> and returns the JSON
    /// the script wrote as its result (the script's <c>interop.finish(...)</c>). A non-zero exit fails the test with the
    /// script's output.
    /// </summary>
    public static Task<JsonNode?> RunAsync(TestServer server, string script, params string[] args) => Run(server, script, args);

    /// <summary>Runs a script that needs no database (e.g. DataJoint's storage functions); otherwise as the overload above.</summary>
    public static Task<JsonNode?> RunWithoutDatabaseAsync(string script, params string[] args) => Run(null, script, args);

    private static async Task<JsonNode?> Run(TestServer? server, string script, string[] args)
    {
        using var process = Start(await RequireAsync().ConfigureAwait(false), server, script, args, out var resultFile);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"python {script} {string.Join(' ', args)} did not finish within 2 minutes.\n{await stderr.ConfigureAwait(false)}");
            }

            var output = $"stdout:\n{await stdout.ConfigureAwait(false)}\nstderr:\n{await stderr.ConfigureAwait(false)}";
            if (process.ExitCode != 0)
            {
                Assert.Fail($"python {script} {string.Join(' ', args)} exited with {process.ExitCode}{(server is null ? "" : $" on {server.Backend}")}.\n{output}");
            }

            TestContext.Out.WriteLine($"python {script} {string.Join(' ', args)}: {output}");
            return File.Exists(resultFile) ? JsonNode.Parse(await File.ReadAllTextAsync(resultFile).ConfigureAwait(false)) : null;
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>Starts a script without waiting (for a worker that runs beside .NET); the caller waits and checks the exit code.</summary>
    public static async Task<Process> StartAsync(TestServer server, string script, params string[] args) =>
        Start(await RequireAsync().ConfigureAwait(false), server, script, args, out _);

    private static Process Start(string python, TestServer? server, string script, string[] args, out string resultFile)
    {
        resultFile = Path.Combine(Path.GetTempPath(), $"dj-interop-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ScriptDirectory,
        };
        start.ArgumentList.Add(Path.Combine(ScriptDirectory, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (server is not null)
        {
            // DataJoint-Python reads its connection from these variables (settings.py).
            start.Environment["DJ_HOST"] = server.Host;
            start.Environment["DJ_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["DJ_USER"] = server.User;
            start.Environment["DJ_PASS"] = server.Password;
            start.Environment["DJ_USE_TLS"] = "false";
            start.Environment["DJ_BACKEND"] = server.Backend == Backend.PostgreSql ? "postgresql" : "mysql";
        }

        start.Environment["DJ_INTEROP_RESULT"] = resultFile;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
    }

    private static async Task<(string?, string)> ResolveAsync()
    {
        var configured = Environment.GetEnvironmentVariable("DJ_PYTHON");
        var candidate = !string.IsNullOrWhiteSpace(configured) ? configured : SharedPeer();
        if (candidate is null)
        {
            return (null, "No DataJoint-Python to test against: set DJ_PYTHON to a Python with `datajoint` importable, or place the shared "
                + "peer beside the repository (../shared/peer, then `bash ../shared/peer/setup.sh`).");
        }

        try
        {
            var start = new ProcessStartInfo(candidate, ["-c", "import datajoint, sys; print(datajoint.__version__)"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            return process.ExitCode == 0
                ? (candidate, "")
                : (null, $"{candidate} cannot import datajoint (exit {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}. "
                    + "For the shared peer run `bash ../shared/peer/setup.sh` once.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"Cannot run {candidate}: {ex.Message}. Set DJ_PYTHON to a Python with `datajoint` importable.");
        }
    }

    /// <summary>The shared peer's launcher beside the repository root (the folder holding DataJoint.sln), if it is there.</summary>
    private static string? SharedPeer()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "DataJoint.sln"))) continue;
            var peer = Path.Combine(dir.FullName, "..", "shared", "peer", "python");
            return File.Exists(peer) ? Path.GetFullPath(peer) : null;
        }

        return null;
    }
}
