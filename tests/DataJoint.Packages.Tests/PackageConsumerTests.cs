using System.Text.RegularExpressions;

namespace DataJoint.Packages.Tests;

/// <summary>
/// Issue 13's proof: `dotnet pack` of the solution, then fresh projects elsewhere that reference the packages from that
/// folder only (nuget.config with package source mapping, a fresh NUGET_PACKAGES), built with TreatWarningsAsErrors and
/// run against the real servers (DJ_TEST_{MYSQL|POSTGRES}_*, as scripts/db-servers.sh).
/// </summary>
[Category("Packages")]
[NonParallelizable]
public sealed class PackageConsumerTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private PackageFeed _feed = null!;

    [OneTimeSetUp]
    public void Pack() => _feed = PackageFeed.Create();

    [OneTimeTearDown]
    public void DeleteFeed() => _feed?.Dispose();

    private (int ExitCode, string Output) Dotnet(string directory, string arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = Tests.Dotnet.Run(directory, arguments, environment ?? _feed.Environment, BuildTimeout);
        TestContext.Out.WriteLine($"$ dotnet {arguments}\n{result.Output}");
        return result;
    }

    private (int ExitCode, string Output) Run(string directory, string arguments, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>(_feed.Environment);
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>()) environment[name] = value;
        var result = Tests.Dotnet.Run(directory, $"run --no-build -c Release -- {arguments}", environment, BuildTimeout);
        TestContext.Out.WriteLine($"$ dotnet run {arguments}\n{result.Output}");
        return result;
    }

    [Test]
    public void ThePackagesHoldTheRuntimeTheGeneratorAndThePropsAndNoConsoleUi()
    {
        var entries = _feed.Entries("DataJoint");
        Assert.That(entries, Is.SupersetOf(new[]
        {
            "lib/net8.0/DataJoint.Runtime.dll", "lib/net10.0/DataJoint.Runtime.dll", "lib/net10.0/DataJoint.Runtime.xml",
            "analyzers/dotnet/cs/DataJoint.Generators.dll", "analyzers/dotnet/cs/DataJoint.CodeFixes.dll",
            "build/DataJoint.props", "buildTransitive/DataJoint.props", "README.md", "icon.png",
        }));
        Assert.That(_feed.Entries("DataJoint", "snupkg"), Has.Some.EqualTo("lib/net10.0/DataJoint.Runtime.pdb"));
        var nuspec = _feed.Nuspec("DataJoint");
        Assert.That(nuspec, Does.Contain("<license type=\"expression\">Apache-2.0</license>"));
        Assert.That(nuspec, Does.Not.Contain("Spectre.Console").And.Not.Contain("DataJoint.Generators\""), "the generator ships inside, not as a dependency");
        Assert.That(_feed.Nuspec("DataJoint.Console"), Does.Contain("id=\"Spectre.Console\"").And.Contain("id=\"DataJoint\""));
        Assert.That(_feed.Nuspec("DataJoint.Hosting"), Does.Contain("id=\"DataJoint\"").And.Contain("Microsoft.Extensions.Diagnostics.HealthChecks"));
        Assert.That(_feed.Nuspec("DataJoint.Analysis"), Does.Contain("id=\"Apache.Arrow\" version=\"23.0.0\"").And.Contain("id=\"Microsoft.Data.Analysis\" version=\"0.24.0\""));
        Assert.That(nuspec, Does.Not.Contain("Apache.Arrow").And.Not.Contain("Microsoft.Data.Analysis"), "the runtime carries no columnar dependency");
        foreach (var id in new[] { "DataJoint.Console", "DataJoint.Hosting", "DataJoint.Analysis" })
        {
            Assert.That(_feed.Nuspec(id), Does.Contain($"<dependency id=\"DataJoint\" version=\"{_feed.Version}\" include=\"All\" />"),
                $"{id} passes DataJoint's analyzers and props on (no exclude=\"Build,Analyzers\")");
        }

        foreach (var id in PackageFeed.PackageIds)
        {
            Assert.That(_feed.Entries(id), Has.Some.EqualTo($"lib/net8.0/{(id == "DataJoint" ? "DataJoint.Runtime" : id)}.dll"), id);
        }
    }

    [TestCase("net10.0", "mysql", true)]
    [TestCase("net8.0", "postgresql", false)]
    public void AConsumerBuildsWarningFreeAndPopulates(string targetFramework, string backend, bool progressBar)
    {
        var directory = _feed.NewConsumer($"consumer-{targetFramework}");
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), Consumers.ProjectFile("Microsoft.NET.Sdk", targetFramework, _feed.Version,
            progressBar ? "DataJoint,DataJoint.Console" : "DataJoint"));
        File.WriteAllText(Path.Combine(directory, "Tables.cs"), Consumers.Tables);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Consumers.Program(progressBar));

        var (buildExit, buildOutput) = Dotnet(directory, "build -c Release -nologo -v minimal");
        Assert.That(buildExit, Is.Zero, buildOutput);
        Assert.That(buildOutput, Does.Not.Match(@"warning [A-Z]+[0-9]+"), "warning-free");
        Assert.That(Directory.GetDirectories(_feed.PackagesFolder).Select(Path.GetFileName), Does.Contain("datajoint"),
            "DataJoint was restored into the fresh packages folder");
        Assert.That(File.Exists(Path.Combine(_feed.PackagesFolder, "datajoint", _feed.Version, $"datajoint.{_feed.Version}.nupkg")), Is.True);

        // No .NET 8 runtime on the machine: the net8.0 build then runs on the newest one (what DOTNET_ROLL_FORWARD is for).
        var extra = targetFramework == "net8.0" && !HasRuntime("8.") ? new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" } : null;
        var (runExit, runOutput) = Run(directory, backend, extra);
        Assert.That(runExit, Is.Zero, runOutput);
        Assert.That(runOutput, Does.Contain($"populated 2 keys on {(backend == "mysql" ? "MySql" : "PostgreSql")}, total 8"));
        if (progressBar) Assert.That(runOutput, Does.Contain("SpeciesLength: 2/2"), "DataJoint.Console's fallback lines (output is redirected)");
    }

    [Test]
    public void ABadDefinitionAndAGlobalConnectionInAThreadSafeProjectAreDiagnostics()
    {
        var directory = _feed.NewConsumer("consumer-broken");
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), Consumers.ProjectFile("Microsoft.NET.Sdk", "net10.0", _feed.Version, "DataJoint",
            "<DataJointThreadSafe>true</DataJointThreadSafe>"));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Consumers.Broken);

        var (exitCode, output) = Dotnet(directory, "build -c Release -nologo -v minimal");

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("DJ0004").And.Contain("int33"), "the analyzer inside the package");
        Assert.That(output, Does.Contain("DJ3001"), "buildTransitive/DataJoint.props makes DataJointThreadSafe visible to the analyzers");
        Assert.That(output, Does.Not.Contain("CS9057").And.Not.Contain("CS8032"), "the generator loads with the SDK's compiler");
    }

    [Test]
    public void AHostedAppAnswersItsHealthCheck()
    {
        var directory = _feed.NewConsumer("consumer-hosted");
        File.WriteAllText(Path.Combine(directory, "Hosted.csproj"), Consumers.ProjectFile("Microsoft.NET.Sdk.Web", "net10.0", _feed.Version, "DataJoint.Hosting"));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Consumers.HostedApp);
        File.WriteAllText(Path.Combine(directory, "Tables.cs"), Consumers.Tables);
        var (buildExit, buildOutput) = Dotnet(directory, "build -c Release -nologo -v minimal");
        Assert.That(buildExit, Is.Zero, buildOutput);

        string Env(string name, string fallback) => Environment.GetEnvironmentVariable($"DJ_TEST_MYSQL_{name}") ?? fallback;
        var (runExit, runOutput) = Run(directory, "", new Dictionary<string, string?>
        {
            ["DataJoint__database__host"] = Env("HOST", "127.0.0.1"),
            ["DataJoint__database__port"] = Env("PORT", "3306"),
            ["DataJoint__database__user"] = Env("USER", "datajoint"),
            ["DataJoint__database__password"] = Env("PASSWORD", "datajoint"),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        Assert.That(runExit, Is.Zero, runOutput);
        Assert.That(runOutput, Does.Contain("health: Healthy"));
        Assert.That(runOutput, Does.Contain("server: MySql server at"));
        Assert.That(runOutput, Does.Contain("table: subject"), "the generator reached a project that references DataJoint.Hosting only");
    }

    [Test]
    public void TheToolInstallsAsALocalToolAndRunsAsDotnetDj()
    {
        Assert.That(_feed.Nuspec("DataJoint.Cli"), Does.Contain("<packageType name=\"DotnetTool\" />"));
        Assert.That(_feed.Entries("DataJoint.Cli"), Is.SupersetOf(new[]
        {
            "tools/net10.0/any/dotnet-dj.dll", "tools/net8.0/any/dotnet-dj.dll", "tools/net10.0/any/DataJoint.Runtime.dll", "README.md", "icon.png",
        }));
        var directory = _feed.NewConsumer("tool");
        var toolEnvironment = _feed.ToolEnvironment;
        var (manifestExit, manifestOutput) = Dotnet(directory, "new tool-manifest", toolEnvironment);
        Assert.That(manifestExit, Is.Zero, manifestOutput);
        var (installExit, installOutput) = Dotnet(directory, $"tool install DataJoint.Cli --version {_feed.Version}", toolEnvironment);
        Assert.That(installExit, Is.Zero, installOutput);
        Assert.That(installOutput, Does.Contain("dotnet dj"));

        var (helpExit, helpOutput) = Dotnet(directory, "dj --help", toolEnvironment);
        Assert.That(helpExit, Is.Zero, helpOutput);
        Assert.That(helpOutput, Does.Contain("scaffold").And.Contain("describe").And.Contain("--host"));

        // The installed tool reaches the server from the DJ_* variables, and a missing schema is exit code 4.
        string Env(string name, string fallback) => Environment.GetEnvironmentVariable($"DJ_TEST_MYSQL_{name}") ?? fallback;
        var environment = new Dictionary<string, string?>(toolEnvironment)
        {
            ["DJ_HOST"] = Env("HOST", "127.0.0.1"),
            ["DJ_PORT"] = Env("PORT", "3306"),
            ["DJ_USER"] = Env("USER", "datajoint"),
            ["DJ_PASS"] = Env("PASSWORD", "datajoint"),
            ["DJ_BACKEND"] = "mysql",
        };
        var (schemasExit, schemasOutput) = Tests.Dotnet.Run(directory, "dj schemas", environment, BuildTimeout);
        Assert.That(schemasExit, Is.Zero, schemasOutput);
        var (missingExit, missingOutput) = Tests.Dotnet.Run(directory, "dj tables --schema no_such_schema_dj", environment, BuildTimeout);
        Assert.That(missingExit, Is.EqualTo(4), missingOutput);
        Assert.That(missingOutput, Does.Contain("Schema `no_such_schema_dj` does not exist"));
    }

    [Test]
    public void TheTemplatePackageHoldsTheTemplateStampedWithThisVersion()
    {
        var entries = _feed.Entries("DataJoint.Templates");
        Assert.That(entries, Is.SupersetOf(new[]
        {
            "content/DataJointApp/.template.config/template.json", "content/DataJointApp/DataJointApp.sln",
            "content/DataJointApp/README.md", "content/DataJointApp/datajoint.json", "content/DataJointApp/.gitignore",
            "content/DataJointApp/src/DataJointApp/DataJointApp.csproj", "content/DataJointApp/src/DataJointApp/Program.cs",
            "content/DataJointApp/src/DataJointApp/Tables.cs",
            "content/DataJointApp/tests/DataJointApp.Tests/DataJointApp.Tests.csproj",
            "content/DataJointApp/tests/DataJointApp.Tests/PipelineTest.cs", "README.md",
        }));
        Assert.That(entries, Has.None.StartsWith("lib/"), "a template package carries no assembly");
        Assert.That(entries, Has.None.Contains("/bin/").And.None.Contains("/obj/"));
        Assert.That(_feed.Nuspec("DataJoint.Templates"), Does.Contain("<packageType name=\"Template\" />"));
        Assert.That(_feed.Read("DataJoint.Templates", "content/DataJointApp/.template.config/template.json"),
            Does.Contain($"\"defaultValue\": \"{_feed.Version}\"").And.Not.Contain("@DataJointVersion@"));
    }

    /// <summary>
    /// The template package installed into a hive of its own (<c>--debug:custom-hive</c>), so the machine's template list
    /// is neither read nor changed; once per run.
    /// </summary>
    private string TemplateHive() => (_hive ??= new Lazy<string>(InstallTemplate)).Value;

    private Lazy<string>? _hive;

    private string InstallTemplate()
    {
        var hive = Path.Combine(_feed.Root, "template-hive");
        var package = Path.Combine(_feed.Folder, $"DataJoint.Templates.{_feed.Version}.nupkg");
        var (installExit, installOutput) = Dotnet(_feed.Root, $"new install \"{package}\" --debug:custom-hive \"{hive}\"");
        if (installExit != 0 || !installOutput.Contains("datajoint", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"dotnet new install failed:\n{installOutput}");
        }

        return hive;
    }

    /// <summary>`dotnet new datajoint`, built once for the tests of both backends.</summary>
    private string TemplatedSolution() => (_templated ??= new Lazy<string>(CreateTemplatedSolution)).Value;

    private Lazy<string>? _templated;

    private string CreateTemplatedSolution()
    {
        var hive = TemplateHive();
        var directory = _feed.NewConsumer("templated");
        var (newExit, newOutput) = Dotnet(directory, $"new datajoint -n LabPipeline -o . --debug:custom-hive \"{hive}\"");
        if (newExit != 0) throw new InvalidOperationException($"dotnet new datajoint failed:\n{newOutput}");
        var (buildExit, buildOutput) = Dotnet(directory, "build -c Release -nologo -v minimal");
        if (buildExit != 0) throw new InvalidOperationException($"The templated solution does not build:\n{buildOutput}");
        if (Regex.IsMatch(buildOutput, @"warning [A-Z]+[0-9]+")) throw new InvalidOperationException($"The templated solution builds with warnings:\n{buildOutput}");
        return directory;
    }

    [Test]
    public void TheTemplateCreatesAPipelineSolutionReferencingThisVersion()
    {
        var directory = TemplatedSolution();
        Assert.That(File.Exists(Path.Combine(directory, "LabPipeline.sln")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(directory, "LabPipeline.sln")), Does.Contain(@"tests\LabPipeline.Tests\LabPipeline.Tests.csproj")
            .And.Not.Contain("6F1D2C3B-8A4E-4B5F-9C6D-7E8F9A0B1C02"), "project GUIDs are new for every solution");
        Assert.That(File.ReadAllText(Path.Combine(directory, "src", "LabPipeline", "LabPipeline.csproj")),
            Does.Contain($"<PackageReference Include=\"DataJoint\" Version=\"{_feed.Version}\" />"));
        Assert.That(File.ReadAllText(Path.Combine(directory, "src", "LabPipeline", "Tables.cs")),
            Does.Contain("namespace LabPipeline;").And.Contain(": Computed").And.Contain("async Task MakeAsync(Key key, CancellationToken ct)"));
        Assert.That(File.ReadAllText(Path.Combine(directory, "tests", "LabPipeline.Tests", "LabPipeline.Tests.csproj")),
            Does.Contain(@"<ProjectReference Include=""../../src/LabPipeline/LabPipeline.csproj"" />")
                .And.Contain(@"<PackageReference Include=""NUnit"" Version=""").And.Not.Contain("Version=\"@"),
            "the test packages' versions were stamped in at pack time");
        Assert.That(File.Exists(Path.Combine(directory, "README.md")) && File.Exists(Path.Combine(directory, "datajoint.json")), Is.True);
    }

    [TestCase("mysql")]
    [TestCase("postgresql")]
    public void TheTemplatedPipelineRunsAndItsTestsPass(string backend)
    {
        var server = Servers.RequireDjEnvironment(backend);
        var directory = TemplatedSolution();

        var schema = $"djtpl_{Guid.NewGuid():N}"[..20];
        var environment = new Dictionary<string, string?>(_feed.Environment);
        foreach (var (name, value) in server) environment[name] = value;
        var (runExit, runOutput) = Tests.Dotnet.Run(directory, $"run --no-build -c Release --project src/LabPipeline -- {schema} --drop", environment, BuildTimeout);
        TestContext.Out.WriteLine($"$ dotnet run --project src/LabPipeline -- {schema} --drop\n{runOutput}");
        Assert.That(runExit, Is.Zero, runOutput);
        Assert.That(runOutput, Does.Contain($"Connected to {(backend == "mysql" ? "MySql" : "PostgreSql")} server at"));
        Assert.That(runOutput, Does.Contain("Populated 3 session score(s)"));
        Assert.That(runOutput, Does.Contain("mouse 1, session 2: 90% correct").And.Contain("rat 2, session 1: no trials"));
        Assert.That(runOutput, Does.Contain($"2 subjects, 3 sessions, 3 scores in '{schema}'"));
        Assert.That(runOutput, Does.Contain($"Dropped '{schema}'"));

        // The template's own NUnit tests, each with its instance and schema, against this backend's server.
        var (testExit, testOutput) = Tests.Dotnet.Run(directory, "test --no-build -c Release -nologo", environment, BuildTimeout);
        TestContext.Out.WriteLine($"$ dotnet test\n{testOutput}");
        Assert.That(testExit, Is.Zero, testOutput);
        Assert.That(testOutput, Does.Match(@"Failed:\s+0, Passed:\s+3, Skipped:\s+0, Total:\s+3"), "the template's three tests ran and passed");
    }

    [Test]
    public void TheTemplateTargetsNet8OnRequestAndBuildsWarningFree()
    {
        var directory = _feed.NewConsumer("templated-net8");
        var (newExit, newOutput) = Dotnet(directory, $"new datajoint -n Lab8 -o . --framework net8.0 --debug:custom-hive \"{TemplateHive()}\"");
        Assert.That(newExit, Is.Zero, newOutput);
        foreach (var project in new[] { Path.Combine("src", "Lab8", "Lab8.csproj"), Path.Combine("tests", "Lab8.Tests", "Lab8.Tests.csproj") })
        {
            Assert.That(File.ReadAllText(Path.Combine(directory, project)), Does.Contain("<TargetFramework>net8.0</TargetFramework>"), project);
        }

        // C# 12 (the .NET 8 default) for the generated code and the template's own, the test packages on net8.0.
        var (buildExit, buildOutput) = Dotnet(directory, "build -c Release -nologo -v minimal");
        Assert.That(buildExit, Is.Zero, buildOutput);
        Assert.That(buildOutput, Does.Not.Match(@"warning [A-Z]+[0-9]+"), "warning-free");
        Assert.That(File.Exists(Path.Combine(directory, "tests", "Lab8.Tests", "bin", "Release", "net8.0", "Lab8.Tests.dll")), Is.True);

        // And its tests pass against a server (on the newest runtime when the machine has no .NET 8 one).
        var environment = new Dictionary<string, string?>(_feed.Environment);
        foreach (var (name, value) in Servers.RequireDjEnvironment("postgresql")) environment[name] = value;
        if (!HasRuntime("8.")) environment["DOTNET_ROLL_FORWARD"] = "Major";
        var (testExit, testOutput) = Tests.Dotnet.Run(directory, "test --no-build -c Release -nologo", environment, BuildTimeout);
        TestContext.Out.WriteLine($"$ dotnet test (net8.0)\n{testOutput}");
        Assert.That(testExit, Is.Zero, testOutput);
        Assert.That(testOutput, Does.Match(@"Failed:\s+0, Passed:\s+3, Skipped:\s+0, Total:\s+3"), "the net8.0 template's three tests ran and passed");
    }

    private static bool HasRuntime(string versionPrefix)
    {
        var (exitCode, output) = Tests.Dotnet.Run(Path.GetTempPath(), "--list-runtimes", new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));
        return exitCode == 0 && output.Split('\n').Any(l => l.StartsWith($"Microsoft.NETCore.App {versionPrefix}", StringComparison.Ordinal));
    }
}
