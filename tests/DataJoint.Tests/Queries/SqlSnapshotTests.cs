using DataJoint.Tests.Queries.Sql;

namespace DataJoint.Tests.Queries;

/// <summary>
/// The server side of the offline SQL snapshots (<see cref="OfflineSqlTests"/>): the same queries over the loaded university
/// schema render exactly the SQL the offline snapshots pin (the schema name aside), and every one of them runs, so a
/// snapshot can only hold SQL the server accepts.
/// </summary>
public sealed class SqlSnapshotTests(Backend backend) : UniversityFixture(backend)
{
    [Test]
    public void BoundTablesRenderTheOfflineSnapshots()
    {
        var adapter = BackendAdapter.For(Backend);
        var bound = OfflineSqlTests.Render(SqlCases.Bound(Schema), adapter).Replace(adapter.Quote(Schema.Name), adapter.Quote("S"), StringComparison.Ordinal);
        Assert.That(bound, Is.EqualTo(OfflineSqlTests.Render(SqlCases.Offline(Backend), adapter)));
    }

    [Test]
    public void EverySnapshotQueryRuns()
    {
        var cases = SqlCases.Bound(Schema);
        foreach (var (name, query) in cases.Queries())
        {
            Assert.DoesNotThrow(() => query.ToDicts(), name);
        }

        foreach (var (name, query) in cases.Wrapped())
        {
            Assert.DoesNotThrow(() => query.Count(), "count " + name);
            Assert.That(query.Exists(), Is.True, "exists " + name);
        }
    }

    [Test]
    public void ASemijoinWithNothingInCommonKeepsAllRowsOrNone()
    {
        var cases = SqlCases.Bound(Schema);
        var all = Student.Count();
        Assert.Multiple(() =>
        {
            Assert.That((Student & (Department & new { Dept = "CS" })).Count(), Is.EqualTo(all));
            Assert.That((Student & (Department & "dept = 'no such'")).Count(), Is.Zero);
            Assert.That((Student - (Department & new { Dept = "CS" })).Count(), Is.Zero);
            Assert.That((Student - (Department & "dept = 'no such'")).Count(), Is.EqualTo(all));
            Assert.That((Student & (Department & "dept = 'no such'")).Exists(), Is.False);
            Assert.That(cases.Queries().Single(c => c.Name == "top-offset-only").Query.Count(), Is.EqualTo(all - 20));
        });
    }
}
