using System.Globalization;
using DataJoint.Cli.Tests.Infrastructure;

namespace DataJoint.Cli.Tests;

/// <summary>The built program, run as a process: settings from DJ_* variables or a datajoint.json, exit codes, one-line errors.</summary>
public sealed class ProcessTests(Backend backend) : CliTest(backend)
{
    [Test]
    public async Task ReadsTheConnectionFromTheEnvironment()
    {
        var schema = NewLabSchema();
        var folder = Directory.CreateTempSubdirectory("dj-cli-env-").FullName;
        var run = await RunProgramAsync(folder, Environment(), ["tables", schema.Name]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("session__trial"));
    }

    [Test]
    public async Task ReadsTheConnectionFromDatajointJsonAndSecrets()
    {
        var schema = NewLabSchema();
        var folder = Directory.CreateTempSubdirectory("dj-cli-json-").FullName;
        File.WriteAllText(Path.Combine(folder, "datajoint.json"),
            System.Text.Json.JsonSerializer.Serialize(new { database = new { host = Server.Host, port = Server.Port, backend = BackendName } }));
        Directory.CreateDirectory(Path.Combine(folder, ".secrets"));
        File.WriteAllText(Path.Combine(folder, ".secrets", "database.user"), Server.User);
        File.WriteAllText(Path.Combine(folder, ".secrets", "database.password"), Server.Password);
        var run = await RunProgramAsync(folder, new Dictionary<string, string?>(), ["describe", $"{schema.Name}.Session"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo(schema.GetTable("Session").Describe()));
    }

    [Test]
    public async Task ABadConnectionIsOneLineWithoutAStackTraceAndExitCodeThree()
    {
        var folder = Directory.CreateTempSubdirectory("dj-cli-bad-").FullName;
        var environment = Environment();
        environment["DJ_PASS"] = "not-the-password";
        var run = await RunProgramAsync(folder, environment, ["schemas"]);
        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: ").And.Not.Contain("   at ").And.Not.Contain("not-the-password"));
    }

    private string BackendName => Backend == Backend.PostgreSql ? "postgresql" : "mysql";

    private Dictionary<string, string?> Environment() => new()
    {
        ["DJ_HOST"] = Server.Host,
        ["DJ_PORT"] = Server.Port.ToString(CultureInfo.InvariantCulture),
        ["DJ_USER"] = Server.User,
        ["DJ_PASS"] = Server.Password,
        ["DJ_BACKEND"] = BackendName,
    };
}
