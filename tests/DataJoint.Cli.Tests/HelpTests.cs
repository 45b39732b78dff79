using System.Globalization;

namespace DataJoint.Cli.Tests;

/// <summary>`--help` on the tool and every command, and usage errors, naming the program as a user types it.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class HelpTests
{
    private static readonly string[] Commands = ["schemas", "tables", "describe", "scaffold", "diagram", "alter", "populate", "jobs"];

    [Test]
    public async Task RootHelpSaysDotnetDjAndListsEveryCommand()
    {
        var (exitCode, output, error) = await RunAsync("--help");
        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Usage:\n  dotnet dj [command] [options]"));
        foreach (var command in Commands) Assert.That(output, Does.Match($"\\n  {command} "), command);
        Assert.That(output, Does.Not.Contain("testhost").And.Not.Contain("dotnet-dj"));
    }

    [TestCaseSource(nameof(Commands))]
    public async Task EveryCommandHasHelpWithItsUsageAsTyped(string command)
    {
        var (exitCode, output, error) = await RunAsync(command, "--help");
        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(error, Is.Empty);
        Assert.That(output, Does.Contain($"Usage:\n  dotnet dj {command}"));
        Assert.That(output, Does.Contain("--host").And.Contain("-?, -h, --help"), "the connection options and help show on every command");
        Assert.That(output, Does.Not.Contain("testhost").And.Not.Contain("dotnet-dj"));
    }

    [Test]
    public async Task AUsageErrorPointsAtTheHelpOfTheCommandTyped()
    {
        var missing = await RunAsync("populate", "lab");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.EndWith("Run `dotnet dj populate --help` for the usage.\n"));
        Assert.That(missing.Output, Is.Empty);

        var unknown = await RunAsync("popluate");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("popluate").And.EndWith("Run `dotnet dj --help` (or `dotnet dj <command> --help`) for the usage.\n"));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await DjCommandLine.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
