using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// The mirror direction: .NET declares and fills the pipeline; DataJoint-Python reads it through <c>dj.VirtualModule</c>
/// (its DataJoint types, every value, every blob), populates it with its own classes and cascade-deletes a subject.
/// </summary>
public sealed class DotNetDeclaresTests(Backend backend) : InteropTest(backend)
{
    [Test]
    public async Task PythonReadsPopulatesAndDeletesWhatDotNetDeclared()
    {
        var upName = NewSchemaName("netup");
        var mainName = NewSchemaName("netmain");
        var up = Instance.Schema(upName);
        up.Table<Lab>();
        var main = Instance.Schema(mainName, upstream: [up]);
        ExpectedValues.InsertSubject(main, 1, "alpha", [1, 2]);
        ExpectedValues.InsertSubject(main, 2, "beta", [1], buddy: 1);
        ExpectedValues.InsertSubject(main, 3, "alpha", [1, 2]);
        main.Table<AllTypes>().Insert(Enumerable.Range(1, 4).Select(i => ExpectedValues.AllTypesRow(i, Backend)));
        var stats = main.Table<Stats>();

        var result = await PythonAsync("dotnet_first.py", "read", upName, mainName);
        Assert.That((int)result!["stats"]!, Is.EqualTo(2), "after Python's cascade: subject 3's two sessions");

        // Python's deletion cascaded through the renamed buddy_id key; its Make wrote what .NET computes.
        Assert.That(main.Table<Session>().Fetch().Select(k => (k.SubjectId, k.SessionIdx)), Is.EquivalentTo(new[] { (3, (short)1), (3, (short)2) }));
        foreach (var row in stats.Fetch())
        {
            var expected = ExpectedValues.TrialsOf(row.SubjectId, row.SessionIdx).ToList();
            Assert.That((row.NTrials, row.Hits), Is.EqualTo((expected.Count, expected.Count(t => t.Outcome == "hit"))));
            Assert.That(row.Summary, Is.EqualTo(expected.Select(t => t.TrialIdx * 0.5).ToArray()));
        }

        Assert.That(stats.Jobs.Errors.Count(), Is.Zero);
    }
}
