using DataJoint.Interop.Tests.Infrastructure;
using DataJoint.Tests.Infrastructure;
using static DataJoint.Tests.Infrastructure.RuntimeBinding;

namespace DataJoint.Interop.Tests;

/// <summary>
/// DataJoint-Python declares and fills two schemas (lookup, manual, part, computed tables; a renamed foreign key; an
/// upstream schema); .NET scaffolds both, compiles the classes with the DataJoint generator (no diagnostics), binds each
/// class to the table it came from and fetches typed rows equal to what Python inserted.
/// </summary>
public sealed class ScaffoldTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task ScaffoldedClassesCompileBindAndFetchWhatPythonInserted()
    {
        var upName = NewSchemaName("scup");
        var mainName = NewSchemaName("scmain");
        await PythonAsync("python_first.py", "declare", upName, mainName);
        var up = Instance.Schema(upName, createSchema: false, createTables: false);
        var main = Instance.Schema(mainName, createSchema: false, createTables: false, upstream: [up]);
        var upSource = await up.ScaffoldAsync("Scaffolded.Up");
        var mainSource = main.Scaffold("Scaffolded.Main", new Dictionary<string, string> { [upName] = "Scaffolded.Up" });
        TestContext.Out.WriteLine(upSource + "\n" + mainSource);
        Assert.That(mainSource, Does.Contain("public partial class Session : global::DataJoint.Manual")
            .And.Contain("    public partial class Trial : global::DataJoint.Part")
            .And.Contain("-> master")
            .And.Contain("-> [nullable] Subject.proj(buddy_id=\"subject_id\")")
            .And.Contain("-> Scaffolded.Up.Lab")
            .And.Contain("public partial class Stats : global::DataJoint.Computed"));

        var assembly = GeneratorCompiler.Load(upSource, mainSource);
        var expectedCounts = new Dictionary<string, long>();
        foreach (var (schema, ns) in new[] { (up, "Scaffolded.Up"), (main, "Scaffolded.Main") })
        {
            foreach (var tableName in schema.ListTables())
            {
                var typed = Bind(schema, ClassOf(assembly, ns, schema.GetTable(tableName)));
                Assert.That(typed.FullTableName, Is.EqualTo(schema.GetTable(tableName).FullTableName));
                Assert.That(typed.Count(), Is.EqualTo(schema.GetTable(tableName).Count()), $"rows of {tableName}");
                expectedCounts[tableName] = typed.Count();
            }
        }

        Assert.That(expectedCounts["subject"], Is.EqualTo(3));
        Assert.That(expectedCounts["session__trial"], Is.EqualTo(2 + 3 + 3 + 4 + 5));
        var subjects = FetchTyped(main, assembly.GetType("Scaffolded.Main.Subject")!)
            .Select(r => ((int)Property(r, "SubjectId")!, (string)Property(r, "Lab")!, (string)Property(r, "Species")!)).ToList();
        Assert.That(subjects, Is.EquivalentTo(new[] { (1, "alpha", "mouse"), (2, "beta", "mouse"), (3, "alpha", "mouse") }));
        var sessions = FetchTyped(main, assembly.GetType("Scaffolded.Main.Session")!)
            .Select(r => ((int)Property(r, "SubjectId")!, (short)Property(r, "SessionIdx")!, (int?)Property(r, "BuddyId"))).ToList();
        Assert.That(sessions, Does.Contain((2, (short)1, (int?)1)).And.Contain((1, (short)1, (int?)null)));

        // Round trip: the scaffolded classes declared in fresh schemas describe exactly as the tables they came from.
        var againUpName = NewSchemaName("scup2");
        var againMainName = NewSchemaName("scmain2");
        var againUp = Instance.Schema(againUpName);
        var againMain = Instance.Schema(againMainName, upstream: [againUp]);
        foreach (var (schema, again, ns) in new[] { (up, againUp, "Scaffolded.Up"), (main, againMain, "Scaffolded.Main") })
        {
            foreach (var tableName in schema.ListTables())
            {
                var declared = Bind(again, ClassOf(assembly, ns, schema.GetTable(tableName)));
                Assert.That(declared.Describe().Replace(againUpName, upName, StringComparison.Ordinal),
                    Is.EqualTo(schema.GetTable(tableName).Describe()), $"describe() of {tableName} declared again");
            }
        }
    }
}
