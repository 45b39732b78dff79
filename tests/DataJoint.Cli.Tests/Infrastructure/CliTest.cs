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
