using DataJoint.Cli.Tests.Infrastructure;

namespace DataJoint.Cli.Tests;

/// <summary>`dj schemas`, `dj tables`, `dj describe`, `dj diagram` and the tool's usage, on both backends.</summary>
public sealed class CommandTests(Backend backend) : CliTest(backend)
{
    [Test]
    public async Task SchemasListsTheSchemasOfTheServer()
    {
        var schema = NewLabSchema();
        var run = await DjAsync("schemas");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(Lines(run.Output), Does.Contain(schema.Name));
        Assert.That(Lines(run.Output), Is.EqualTo(await Instance.ListSchemasAsync()));
    }

    [Test]
    public async Task TablesListsSqlNameClassNameAndTierParentsFirst()
    {
        var schema = NewLabSchema();
        foreach (var args in new[] { new[] { "tables", "--schema", schema.Name }, ["tables", schema.Name] })
        {
            var run = await DjAsync(args);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            var rows = Lines(run.Output).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.That(rows.Select(r => r[0]), Is.EqualTo(schema.ListTables()));
            Assert.That(rows, Has.Some.EqualTo(new[] { "session__trial", "Session.Trial", "Part" }));
            Assert.That(rows, Has.Some.EqualTo(new[] { "#species", "Species", "Lookup" }));
            Assert.That(rows, Has.Some.EqualTo(new[] { "subject", "Subject", "Manual" }));
        }
    }

    [Test]
    public async Task DescribePrintsWhatDescribeReturnsByClassOrSqlNameWithOrWithoutSchemaOption()
    {
        var schema = NewLabSchema();
        var expected = schema.GetTable("session__trial").Describe();
        Assert.That(expected, Does.Contain("-> Session"));
        foreach (var args in new[]
        {
            new[] { "describe", "--schema", schema.Name, "Session.Trial" },
            ["describe", "-s", schema.Name, "session__trial"],
            ["describe", $"{schema.Name}.Session.Trial"],
        })
        {
            var run = await DjAsync(args);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Output, Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task AnUnknownSchemaOrTableIsOneLineNamingItAndExitCodeFour()
    {
        var schema = NewLabSchema();
        var missingSchema = await DjAsync("tables", "--schema", "no_such_schema_here");
        Assert.That(missingSchema.ExitCode, Is.EqualTo(4));
        Assert.That(missingSchema.Output, Is.Empty);
        Assert.That(Lines(missingSchema.Error), Has.Count.EqualTo(1));
        Assert.That(missingSchema.Error, Does.Contain("Schema `no_such_schema_here` does not exist").And.Contain(schema.Name).And.Contain("dotnet dj schemas"));

        var missingTable = await DjAsync("describe", "--schema", schema.Name, "Sesion");
        Assert.That(missingTable.ExitCode, Is.EqualTo(4));
        Assert.That(Lines(missingTable.Error), Has.Count.EqualTo(1));
        Assert.That(missingTable.Error, Does.Contain("no table named Sesion").And.Contain("Session.Trial (session__trial)"));
    }

    [Test]
    public async Task AServerThatCannotBeReachedOrRefusesIsOneLineAndExitCodeThree()
    {
        var wrongPassword = ConnectionArgs.ToArray();
        wrongPassword[Array.IndexOf(wrongPassword, "--password") + 1] = "not-the-password";
        var refused = await RunAsync(["schemas", .. wrongPassword]);
        Assert.That(refused.ExitCode, Is.EqualTo(3));
        Assert.That(Lines(refused.Error), Has.Count.EqualTo(1));
        Assert.That(refused.Error, Does.Contain("Check the user name and password").And.Contain("--password").And.Not.Contain("not-the-password"));

        // A port nothing listens on: the server is named, and so is what to check.
        var closedPort = ConnectionArgs.ToArray();
        closedPort[Array.IndexOf(closedPort, "--port") + 1] = "1";
        var unreachable = await RunAsync(["schemas", .. closedPort]);
        Assert.That(unreachable.ExitCode, Is.EqualTo(3));
        Assert.That(Lines(unreachable.Error), Has.Count.EqualTo(1));
        Assert.That(unreachable.Error, Does.Contain("Could not connect").And.Contain(":1").And.Contain("--host/--port").And.Not.Contain("   at "));
    }

    [Test]
    public async Task BadCommandLinesExitWithTwoAndSayWhatIsWrong()
    {
        var noCommand = await RunAsync();
        Assert.That(noCommand.ExitCode, Is.EqualTo(2));
        Assert.That(noCommand.Error, Does.Contain("--help"));

        var unknownOption = await DjAsync("schemas", "--bogus");
        Assert.That(unknownOption.ExitCode, Is.EqualTo(2));
        Assert.That(unknownOption.Error, Does.Contain("--bogus"));

        var twoSchemas = await DjAsync("tables", "--schema", "x", "y");
        Assert.That(twoSchemas.ExitCode, Is.EqualTo(2));
        Assert.That(twoSchemas.Error, Does.Contain("--schema x").And.Contain("y"));

        var noSchema = await DjAsync("describe", "Session");
        Assert.That(noSchema.ExitCode, Is.EqualTo(2));
        Assert.That(noSchema.Error, Does.Contain("--schema"));

        var badBackend = await RunAsync(["schemas", .. ConnectionArgs.Select(a => a is "mysql" or "postgresql" ? "oracle" : a)]);
        Assert.That(badBackend.ExitCode, Is.EqualTo(3));
        Assert.That(badBackend.Error, Does.Contain("--backend").And.Contain("oracle"));

        var pngToStdout = await DjAsync("diagram", "--schema", "x", "--format", "png");
        Assert.That(pngToStdout.ExitCode, Is.EqualTo(2));
        Assert.That(pngToStdout.Error, Does.Contain("--out"));
    }

    [Test]
    public async Task DiagramWritesDotAndMermaidToOutputAndSvgToAFile()
    {
        var schema = NewLabSchema();
        var diagram = await Diagram.OfAsync(schema);
        var dot = await DjAsync("diagram", "--schema", schema.Name);
        Assert.That(dot.ExitCode, Is.EqualTo(0), dot.Error);
        Assert.That(dot.Output, Is.EqualTo(diagram.ToDot().TrimEnd('\n') + Environment.NewLine));

        var mermaid = await DjAsync("diagram", "--schema", schema.Name, "--format", "mermaid");
        Assert.That(mermaid.Output, Is.EqualTo(diagram.ToMermaid().TrimEnd('\n') + Environment.NewLine));

        var folder = Directory.CreateTempSubdirectory("dj-cli-diagram-").FullName;
        try
        {
            var svgPath = Path.Combine(folder, "lab.svg");
            var svg = await DjAsync("diagram", "--schema", schema.Name, "--out", svgPath);
            Assert.That(svg.ExitCode, Is.EqualTo(0), svg.Error);
            Assert.That(File.ReadAllText(svgPath), Does.StartWith("<?xml").And.Contain("<svg").And.Contain("Session.Trial"));

            var pngPath = Path.Combine(folder, "lab.png");
            var png = await DjAsync("diagram", "--schema", schema.Name, "--format", "png", "--out", pngPath);
            Assert.That(png.ExitCode, Is.EqualTo(0), png.Error);
            Assert.That(File.ReadAllBytes(pngPath).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));

            var unknownExtension = await DjAsync("diagram", "--schema", schema.Name, "--out", Path.Combine(folder, "lab.pdf"));
            Assert.That(unknownExtension.ExitCode, Is.EqualTo(2));
            Assert.That(unknownExtension.Error, Does.Contain("lab.pdf").And.Contain("--format"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
