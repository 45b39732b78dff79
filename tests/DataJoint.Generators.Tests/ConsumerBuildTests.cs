using System.Diagnostics;

namespace DataJoint.Generators.Tests;

/// <summary>
/// Builds a real project that references the generator as an analyzer (as users do), with the SDK's own
/// compiler: a generator built against a newer Roslyn than the SDK's would fail to load here (CS9057).
/// </summary>
[Category("Build")]
public sealed class ConsumerBuildTests
{
    private static string RepositoryRoot => FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory())
        ?? throw new DirectoryNotFoundException("DataJoint.sln not found above the test directory or this source file.");

    // Builds with --artifacts-path put the binaries outside the repository; the source file's path still leads to it.
    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataJoint.sln"))) return dir.FullName;
        }

        return null;
    }

    private static (int ExitCode, string Output) Build(string directory, string program, string extraProperties = "")
    {
        var root = RepositoryRoot;
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{root}/src/DataJoint.Generators/build/DataJoint.Generators.props" />
              <PropertyGroup>
                {extraProperties}
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/DataJoint.Runtime/DataJoint.Runtime.csproj" />
                <ProjectReference Include="{root}/src/DataJoint.Generators/DataJoint.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        var start = new ProcessStartInfo("dotnet", "build -nologo -v minimal -c Debug")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Builds the program in a fresh temporary project directory, deleted afterwards.</summary>
    private static (int ExitCode, string Output) BuildInTemporaryProject(string program, string extraProperties = "")
    {
        var directory = Directory.CreateTempSubdirectory("dj-consumer-").FullName;
        try
        {
            return Build(directory, program, extraProperties);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void AConsumerProjectBuildsAndUsesTheGeneratedMembers()
    {
        var (exitCode, output) = BuildInTemporaryProject(""""
            using DataJoint;

            var row = new Lab.Subject.Row { SubjectId = 1, Species = "mouse" };
            Console.WriteLine($"{Lab.Subject.TableName} {row.Key.SubjectId} {Lab.Subject.Attributes.Species}");

            namespace Lab
            {
                [Definition("""
                    subject_id : int32
                    ---
                    species : varchar(32)
                    """)]
                public partial class Subject : Manual;
            }
            """");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Not.Contain("CS9057").And.Not.Contain("CS8032"));
    }

    [Test]
    public void ADefinitionErrorFailsTheBuildWithItsDiagnostic()
    {
        var (exitCode, output) = BuildInTemporaryProject(""""
            using DataJoint;

            [Definition("""
                subject_id : int33
                """)]
            public partial class Subject : Manual;
            """");
        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("DJ0004").And.Contain("int33"));
    }

    [Test]
    public void EachDefinitionDiagnosticAppearsOnceInTheCompilersLog()
    {
        var log = Path.Combine(Path.GetTempPath(), $"dj-consumer-{Guid.NewGuid():N}.sarif");
        try
        {
            var (exitCode, output) = BuildInTemporaryProject(""""
                using DataJoint;

                [Definition("""
                    subject_id : int33
                    ---
                    -> Subjekt
                    """)]
                public partial class Subject : Manual;
                """", $"<ErrorLog>{log},version=2.1</ErrorLog>");
            Assert.That(exitCode, Is.Not.Zero, output);
            using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(log));
            var ruleIds = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("ruleId").GetString()).Where(id => id!.StartsWith("DJ", StringComparison.Ordinal)).Order().ToList();
            Assert.That(ruleIds, Is.EqualTo(new[] { "DJ0004", "DJ2001" }), "reported by the analyzer only, once each");
        }
        finally
        {
            File.Delete(log);
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void AThreadSafeProjectFailsOnGlobalState(bool threadSafe)
    {
        var (exitCode, output) = BuildInTemporaryProject("""
            using DataJoint;

            var connection = Dj.Conn();
            Console.WriteLine(connection.Description);
            """, threadSafe ? "<DataJointThreadSafe>true</DataJointThreadSafe>" : "");
        Assert.That(exitCode, threadSafe ? Is.Not.Zero : Is.Zero, output);
        if (threadSafe) Assert.That(output, Does.Contain("DJ3001"));
    }
}
