using System.Text.Json.Nodes;
using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// DataJoint-Python declares and fills the pipeline and populates half of it with reserved jobs; .NET binds its typed
/// classes to those tables, reads every value, inserts, populates the rest with reserved jobs and deletes with a
/// cascade; Python then re-reads everything.
/// </summary>
public sealed class PythonDeclaresTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task DotNetBindsExtendsAndPopulatesWhatPythonDeclared()
    {
        var upName = NewSchemaName("pyup");
        var mainName = NewSchemaName("pymain");
        var made = await PythonAsync("python_first.py", "declare", upName, mainName);
        Assert.That(made!["made"]!.AsArray(), Has.Count.EqualTo(2));

        var up = Instance.Schema(upName, createSchema: false);
        var main = Instance.Schema(mainName, createSchema: false, upstream: [up]);
        Assert.That(up.Table<Lab>().Fetch().Select(l => (l.Lab, l.Institution)), Is.EquivalentTo(new[] { ("alpha", "MIT"), ("beta", "Caltech") }));

        // Every table binds without a difference: foreign-key columns carry no type markers in Python's DDL.
        var allTypes = main.Table<AllTypes>();
        var stats = main.Table<Stats>();
        foreach (var itemId in new[] { 1, 2 })
        {
            var row = (allTypes & new { item_id = itemId }).Fetch1();
            AssertAllTypes(row, ExpectedValues.AllTypesRow(itemId, Backend));
        }

        // Found by name, Python's tables report DataJoint types: foreign-key columns take them from their parents.
        var session = Instance.FreeTable($"{mainName}.session");
        Assert.That(session.Heading.Attributes.Select(a => (a.Name, a.Type)), Is.EqualTo(new[]
        {
            ("subject_id", "int32"), ("session_idx", "int16"), ("session_date", "date"), ("buddy_id", "int32"),
        }));
        Assert.That(Instance.FreeTable($"{mainName}.subject").Heading["lab"].Type, Is.EqualTo("varchar(16)"));

        var trials = main.Table<Session.Trial>().Fetch();
        Assert.That(trials, Has.Count.EqualTo(2 + 3 + 3 + 4 + 5));
        foreach (var trial in trials)
        {
            Assert.That(trial.Trace, Is.EqualTo(ExpectedValues.SignalOf(trial.SubjectId, trial.TrialIdx)), $"signal of {trial.SubjectId}/{trial.SessionIdx}/{trial.TrialIdx}");
        }

        // The rows Python's make wrote are what the .NET Make computes.
        foreach (var row in stats.Fetch())
        {
            var expected = ExpectedValues.TrialsOf(row.SubjectId, row.SessionIdx).ToList();
            Assert.That(row.NTrials, Is.EqualTo(expected.Count));
            Assert.That(row.Hits, Is.EqualTo(expected.Count(t => t.Outcome == "hit")));
            Assert.That(row.Summary, Is.EqualTo(expected.Select(t => t.TrialIdx * 0.5).ToArray()));
        }

        ExpectedValues.InsertSubject(main, 4, "beta", [1, 2]);
        allTypes.Insert([ExpectedValues.AllTypesRow(3, Backend), ExpectedValues.AllTypesRow(4, Backend)]);
        var result = stats.Populate(new PopulateOptions { ReserveJobs = true });
        Assert.That(result.SuccessCount, Is.EqualTo(5), "the keys Python left (3 of its 5 sessions) and subject 4's two");
        Assert.That(stats.Count(), Is.EqualTo(7));

        (main.Table<Subject>() & new { subject_id = 1 }).Delete(prompt: false);
        Assert.That(main.Table<Session>().Count(), Is.EqualTo(4));

        await PythonAsync("python_first.py", "verify", upName, mainName);
    }

    private static void AssertAllTypes(AllTypes.Row actual, AllTypes.Row expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.I8, Is.EqualTo(expected.I8));
            Assert.That(actual.I16, Is.EqualTo(expected.I16));
            Assert.That(actual.I32, Is.EqualTo(expected.I32));
            Assert.That(actual.F32, Is.EqualTo(expected.F32));
            Assert.That(actual.F64, Is.EqualTo(expected.F64));
            Assert.That(actual.Amount, Is.EqualTo(expected.Amount));
            Assert.That(actual.Flag, Is.EqualTo(expected.Flag));
            Assert.That(actual.Code.TrimEnd(' '), Is.EqualTo(expected.Code));
            Assert.That(actual.Label, Is.EqualTo(expected.Label));
            Assert.That(actual.Kind, Is.EqualTo(expected.Kind));
            Assert.That(actual.Day, Is.EqualTo(expected.Day));
            Assert.That(actual.Moment, Is.EqualTo(expected.Moment));
            Assert.That(actual.Stamp, Is.GreaterThan(new DateTime(2020, 1, 1)));
            Assert.That(actual.Uid, Is.EqualTo(expected.Uid));
            Assert.That(JsonNode.DeepEquals(actual.Doc, expected.Doc), Is.True, $"doc {actual.Doc?.ToJsonString()}");
            Assert.That(actual.Raw, Is.EqualTo(expected.Raw));
            Assert.That(actual.OptI, Is.EqualTo(expected.OptI));
            Assert.That(actual.OptS, Is.EqualTo(expected.OptS));
        });
    }
}
