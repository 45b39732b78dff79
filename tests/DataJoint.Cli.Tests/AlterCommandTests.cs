using DataJoint.Cli.Tests.Infrastructure;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Cli.Tests;

/// <summary>`dj alter`: the statements from a built assembly's class, printed; the table changed only with --apply.</summary>
public sealed class AlterCommandTests(Backend backend) : CliTest(backend)
{
    // The lab's Subject and Session as a later build has them: Session gained an attribute.
    private const string ChangedClasses = """
        namespace Changed;

        [global::DataJoint.Definition("# a lab animal\nsubject_id : int32\n---\nspecies = \"mouse\" : varchar(30)")]
        public partial class Subject : global::DataJoint.Manual;

        [global::DataJoint.Definition("-> Subject\nsession_idx : int16\n---\nnote = \"\" : varchar(100)  # what happened\nmood = null : varchar(20)  # added since")]
        public partial class Session : global::DataJoint.Manual;
        """;

    [Test]
    public async Task PrintsTheStatementsAndAltersOnlyWithApplyKeepingTheRows()
    {
        var schema = NewLabSchema();
        var folder = Directory.CreateTempSubdirectory("dj-cli-alter-").FullName;
        var assembly = Path.Combine(folder, "Changed.dll");
        GeneratorCompiler.Save(assembly, ChangedClasses);
        var before = schema.GetTable("Session").Describe();

        var preview = await DjAsync("alter", "--assembly", assembly, "--schema", schema.Name, "Session");
        Assert.That(preview.ExitCode, Is.EqualTo(0), preview.Error);
        Assert.That(preview.Output, Does.Contain("ALTER TABLE").And.Contain("mood").And.Contain("Not run: pass --apply"));
        Assert.That(schema.GetTable("Session").Describe(), Is.EqualTo(before));

        var applied = await DjAsync("alter", "--assembly", assembly, "--schema", schema.Name, "Changed.Session", "--apply");
        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.Error);
        Assert.That(applied.Output, Does.Contain("altered"));
        var session = schema.GetTable("Session");
        Assert.That(session.Describe(), Does.Contain("mood=null").And.Contain("added since"));
        Assert.That(session.Count(), Is.EqualTo(1));

        var again = await DjAsync("alter", "--assembly", assembly, "--schema", schema.Name, "Session");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain("nothing to alter"));
    }

    [Test]
    public async Task AMissingAssemblyOrClassIsNamedWithExitCodeFour()
    {
        var schema = NewLabSchema();
        var folder = Directory.CreateTempSubdirectory("dj-cli-alter-").FullName;
        var assembly = Path.Combine(folder, "Changed.dll");
        GeneratorCompiler.Save(assembly, ChangedClasses);

        var noFile = await DjAsync("alter", "--assembly", Path.Combine(folder, "Missing.dll"), "--schema", schema.Name, "Session");
        Assert.That(noFile.ExitCode, Is.EqualTo(4));
        Assert.That(noFile.Error, Does.Contain("Missing.dll").And.Contain("build the project"));

        var noClass = await DjAsync("alter", "--assembly", assembly, "--schema", schema.Name, "Sesion");
        Assert.That(noClass.ExitCode, Is.EqualTo(4));
        Assert.That(noClass.Error, Does.Contain("no table class named Sesion").And.Contain("Changed.Session"));

        var noAssemblyOption = await DjAsync("alter", "--schema", schema.Name, "Session");
        Assert.That(noAssemblyOption.ExitCode, Is.EqualTo(2));
        Assert.That(noAssemblyOption.Error, Does.Contain("--assembly"));
    }
}
