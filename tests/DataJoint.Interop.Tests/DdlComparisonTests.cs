using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// The same definitions declared by DataJoint-Python and by .NET give the same catalog, column by column: types,
/// markers, comments, defaults, keys, foreign keys, indexes, enum types, table comments, <c>~lineage</c> rows and job
/// tables — apart from the deliberate differences listed in docs/interop.md.
/// </summary>
public sealed class DdlComparisonTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task DotNetDeclaresWhatDataJointPythonDeclares()
    {
        var pyUp = NewSchemaName("ddlpyup");
        var pyMain = NewSchemaName("ddlpymain");
        await PythonAsync("declare_only.py", pyUp, pyMain);

        var netUp = NewSchemaName("ddlnetup");
        var netMain = NewSchemaName("ddlnetmain");
        var up = Instance.Schema(netUp);
        up.Table<Lab>();
        var main = Instance.Schema(netMain, upstream: [up]);
        _ = main.Table<AllTypes>();
        _ = main.Table<BlobBox>();
        main.Table<Stats>().Jobs.Declare();
        main.Table<Work>().Jobs.Declare();

        var python = Catalog.Describe(Instance.Connection, Backend, pyUp, pyMain);
        var dotnet = Catalog.Describe(Instance.Connection, Backend, netUp, netMain);
        // Both catalogs hold every table, the job tables and the lineage (a comparison of two empty lists proves nothing).
        foreach (var table in new[] { "#lab", "subject", "all_types", "session", "session__trial", "__stats", "__work", "~~stats", "~~work", "~lineage" })
        {
            Assert.That(python, Has.Some.Contains($" table: {table} |"), $"Python declared no {table}");
        }

        Assert.That(python.Count(l => l.Contains(" lineage: ", StringComparison.Ordinal)), Is.GreaterThan(15));
        var deliberate = dotnet.Where(IsDeliberate).ToList();
        var onlyPython = python.Except(dotnet).ToList();
        var onlyDotNet = dotnet.Except(python).Except(deliberate).ToList();
        TestContext.Out.WriteLine("Deliberate differences:\n" + string.Join("\n", deliberate));
        Assert.That(onlyPython.Concat(onlyDotNet), Is.Empty,
            $"Python only:\n{string.Join("\n", onlyPython)}\n.NET only:\n{string.Join("\n", onlyDotNet)}");
    }

    /// <summary>
    /// PostgreSQL: an index on every foreign key that no other index starts with (cascading deletes would scan without it;
    /// DataJoint-Python declares none). The only difference the suite allows; docs/interop.md gives the reason.
    /// </summary>
    private bool IsDeliberate(string line) => Backend == Backend.PostgreSql && line.Contains(" index: ", StringComparison.Ordinal)
        && line.Contains("CREATE INDEX ON", StringComparison.Ordinal) && !line.Contains("status, priority, scheduled_time", StringComparison.Ordinal);
}
