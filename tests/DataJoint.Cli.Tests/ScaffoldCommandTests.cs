using DataJoint.Cli.Tests.Infrastructure;
using DataJoint.Interop.Tests.Infrastructure;
using DataJoint.Tests.Infrastructure;
using static DataJoint.Tests.Infrastructure.RuntimeBinding;

namespace DataJoint.Cli.Tests;

/// <summary>`dj scaffold`: files per table, the upstream namespaces, refusing to overwrite, and a schema DataJoint-Python declared.</summary>
public sealed class ScaffoldCommandTests(Backend backend) : CliTest(backend)
{
    [Test]
    public async Task ScaffoldsASchemaPythonDeclaredIntoFilesThatCompileBindAndFetchWhatPythonInserted()
    {
        await PythonPeer.RequireAsync();
        // Made in this order so the downstream schema is dropped first.
        var main = NewSchema(prefix: "clmain");
        var up = NewSchema(prefix: "clup");
        await PythonPeer.RunAsync(Server, "python_first.py", "declare", up.Name, main.Name);
        var folder = Directory.CreateTempSubdirectory("dj-cli-scaffold-").FullName;
        try
        {
            var upRun = await DjAsync("scaffold", "--schema", up.Name, "--namespace", "Lab.Up", "--out", Path.Combine(folder, "Up"));
            Assert.That(upRun.ExitCode, Is.EqualTo(0), upRun.Error);
            var mainRun = await DjAsync("scaffold", "--schema", main.Name, "--namespace", "Lab.Main", "--upstream", $"{up.Name}=Lab.Up",
                "--out", Path.Combine(folder, "Main"));
            Assert.That(mainRun.ExitCode, Is.EqualTo(0), mainRun.Error);

            // One file per table that is not a part, named after its class; parts nested in their master's file.
            var mainFiles = Directory.GetFiles(Path.Combine(folder, "Main")).Select(Path.GetFileName).Order().ToList();
            var expectedFiles = main.ListTables().Select(t => main.GetTable(t)).Where(t => t.Tier != TableTier.Part).Select(t => t.ClassName + ".cs").Order().ToList();
            Assert.That(mainFiles, Is.EqualTo(expectedFiles));
            Assert.That(mainRun.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(mainFiles.Count));
            var session = File.ReadAllText(Path.Combine(folder, "Main", "Session.cs"));
            Assert.That(session, Does.Contain("namespace Lab.Main;").And.Contain("public partial class Session : global::DataJoint.Manual")
                .And.Contain("    public partial class Trial : global::DataJoint.Part").And.Contain("-> [nullable] Subject.proj(buddy_id=\"subject_id\")"));
            Assert.That(File.ReadAllText(Path.Combine(folder, "Main", "Subject.cs")), Does.Contain("-> Lab.Up.Lab"));

            var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
            var assembly = GeneratorCompiler.Load(sources);
            var upstream = Instance.Schema(up.Name, createSchema: false, createTables: false);
            var downstream = Instance.Schema(main.Name, createSchema: false, createTables: false, upstream: [upstream]);
            foreach (var (schema, ns) in new[] { (upstream, "Lab.Up"), (downstream, "Lab.Main") })
            {
                foreach (var tableName in schema.ListTables())
                {
                    var table = schema.GetTable(tableName);
                    var typed = Bind(schema, ClassOf(assembly, ns, table));
                    Assert.That(typed.Count(), Is.EqualTo(table.Count()), $"rows of {tableName}");
                }
            }

            var subjects = FetchTyped(downstream, assembly.GetType("Lab.Main.Subject")!)
                .Select(r => ((int)Property(r, "SubjectId")!, (string)Property(r, "Lab")!)).ToList();
            Assert.That(subjects, Is.EquivalentTo(new[] { (1, "alpha"), (2, "beta"), (3, "alpha") }));

            // Scaffolding again over the same files is refused (nothing written) unless --force.
            var before = File.GetLastWriteTimeUtc(Path.Combine(folder, "Main", "Session.cs"));
            var again = await DjAsync("scaffold", "--schema", main.Name, "--namespace", "Lab.Main", "--upstream", $"{up.Name}=Lab.Up",
                "--out", Path.Combine(folder, "Main"));
            Assert.That(again.ExitCode, Is.EqualTo(1));
            Assert.That(again.Error, Does.Contain("Not overwriting").And.Contain("Session.cs").And.Contain("--force"));
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(folder, "Main", "Session.cs")), Is.EqualTo(before));
            var forced = await DjAsync("scaffold", "--schema", main.Name, "--namespace", "Lab.Main", "--upstream", $"{up.Name}=Lab.Up",
                "--out", Path.Combine(folder, "Main"), "--force");
            Assert.That(forced.ExitCode, Is.EqualTo(0), forced.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task WithoutOutTheSourceGoesToOutputWithTheSchemaNameAsNamespace()
    {
        var schema = NewLabSchema();
        var run = await DjAsync("scaffold", "--schema", schema.Name);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo(await schema.ScaffoldAsync(NamespaceNames.FromSchema(schema.Name))));
        Assert.That(run.Output, Does.Contain($"namespace {NamespaceNames.FromSchema(schema.Name)};"));
        Assert.That(GeneratorCompiler.Load(run.Output).GetTypes().Select(t => t.Name), Does.Contain("Subject").And.Contain("Trial"));
    }

    [Test]
    public async Task AParentInAnotherSchemaIsReferencedThroughThatSchemasDefaultNamespace()
    {
        await PythonPeer.RequireAsync();
        var main = NewSchema(prefix: "clmain");
        var up = NewSchema(prefix: "clup");
        await PythonPeer.RunAsync(Server, "python_first.py", "declare", up.Name, main.Name);
        var run = await DjAsync("scaffold", "--schema", main.Name);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain($"-> {NamespaceNames.FromSchema(up.Name)}.Lab"));
        var upstream = await DjAsync("scaffold", "--schema", up.Name);
        Assert.That(GeneratorCompiler.Load(run.Output, upstream.Output).GetType(NamespaceNames.FromSchema(main.Name) + ".Session"), Is.Not.Null);
    }

    [Test]
    public void TheDefaultNamespaceIsTheSchemaNameInPascalCase()
    {
        Assert.That(NamespaceNames.FromSchema("lab_main"), Is.EqualTo("LabMain"));
        Assert.That(NamespaceNames.FromSchema("my-lab.v2"), Is.EqualTo("MyLabV2"));
        Assert.That(NamespaceNames.FromSchema("2024_lab"), Is.EqualTo("S2024Lab"));
    }
}
