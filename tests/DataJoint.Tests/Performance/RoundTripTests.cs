using System.Diagnostics;
using DataJoint.Tests.Changes;
using DataJoint.Tests.Infrastructure;
using DataJoint.Tests.Populate;

namespace DataJoint.Tests.Performance;

/// <summary>
/// The statements each operation sends and the pooled connections it takes, counted exactly, so that a change adding a
/// round trip (an extra check, a per-key checkout with its session reset, an isolation SET) fails here rather than
/// only in a benchmark. Statements are the drivers' own command spans; the fixture runs alone, so nothing else counts.
/// </summary>
[NonParallelizable]
public sealed class RoundTripTests(Backend backend) : BackendTest(backend)
{
    private void LoadSources(int count, int from = 1) =>
        Schema.Table<Source>().Insert(Enumerable.Range(from, count).Select(i => new Source.Row { SourceId = i, Value = i }));

    [Test]
    public void FetchesSendOneStatementOnOneConnection()
    {
        LoadSources(5);
        var sources = Schema.Table<Source>();
        var restricted = sources & "source_id > 2";
        _ = restricted.Fetch(); // the heading and the pool are warm before counting

        var typed = Count(() => restricted.Fetch());
        var dicts = Count(() => restricted.ToDicts());
        var one = Count(() => (sources & new { source_id = 3 }).Fetch1());
        var count = Count(() => restricted.Count());

        Assert.Multiple(() =>
        {
            foreach (var (name, measured) in new[] { ("typed Fetch()", typed), ("ToDicts()", dicts), ("Fetch1()", one), ("Count()", count) })
            {
                Assert.That(measured.Statements, Has.Count.EqualTo(1), $"{name}: {measured}");
                Assert.That(measured.Checkouts, Is.EqualTo(1), $"{name}: {measured}");
            }
        });
    }

    [Test]
    public void AnInsertOfOneRowIsOneStatement()
    {
        LoadSources(1);
        var sources = Schema.Table<Source>();

        var insert1 = Count(() => sources.Insert1(new Source.Row { SourceId = 10, Value = 10 }));
        var batched = Count(() => sources.Insert(Enumerable.Range(20, 5).Select(i => new Source.Row { SourceId = i, Value = i })));

        Assert.Multiple(() =>
        {
            Assert.That(insert1.Statements, Has.Count.EqualTo(1), insert1.ToString());
            Assert.That(insert1.Checkouts, Is.EqualTo(1), insert1.ToString());
            Assert.That(batched.Statements, Has.Count.EqualTo(1), "five rows below the bulk threshold go as one multi-row INSERT: " + batched);
        });
        Assert.That(sources.Count(), Is.EqualTo(7));
    }

    [Test]
    public void PopulateSendsAFixedNumberOfStatementsPerKeyOnOneConnection([Values] bool reserveJobs)
    {
        var doubled = Schema.Table<Doubled>();
        LoadSources(1);
        doubled.Populate(new PopulateOptions { ReserveJobs = reserveJobs }); // declares the job table, warms the pool

        LoadSources(3, from: 2);
        var three = Count(() => doubled.Populate(new PopulateOptions { ReserveJobs = reserveJobs }));
        LoadSources(6, from: 5);
        var six = Count(() => doubled.Populate(new PopulateOptions { ReserveJobs = reserveJobs }));
        Assert.That(doubled.Count(), Is.EqualTo(10));

        // Per key, as DataJoint-Python sends them: begin, the check that the key is still missing, Make's fetch and insert,
        // commit (PostgreSQL's BEGIN rides on the first statement and its COMMIT is no command span); with reserved jobs
        // also the reservation UPDATE and the completion DELETE.
        var perKey = (Backend == Backend.MySql ? 5 : 3) + (reserveJobs ? 2 : 0);
        var extra = six.Statements.Count - three.Statements.Count;
        Assert.Multiple(() =>
        {
            Assert.That(extra, Is.EqualTo(3 * perKey), $"statements for 3 more keys; 3 keys: {three}; 6 keys: {six}");
            Assert.That(six.Checkouts, Is.EqualTo(three.Checkouts), $"pooled connections do not grow with the keys; 3 keys: {three}; 6 keys: {six}");
            // Fixed per call: the key source, the worker's held connection, and with reserved jobs the refresh's statements.
            Assert.That(three.Checkouts, Is.LessThanOrEqualTo(reserveJobs ? 8 : 4), three.ToString());
            Assert.That(six.Statements.Count(s => s.Contains("ISOLATION LEVEL", StringComparison.OrdinalIgnoreCase)), Is.Zero, six.ToString());
            Assert.That(six.Statements.Count(s => s.StartsWith("SELECT CASE WHEN EXISTS", StringComparison.Ordinal)), Is.EqualTo(6),
                "one existence check per key: Make's own insert proves the key was written; " + six);
        });
    }

    [Test]
    public void DeletingAWholeTableDeletesItsDescendantsWithoutConditions()
    {
        CascadeTables.Fill(Schema);
        Schema.Table<Visit>().Insert([new Visit.Row { Visit = 1, Lab = "a" }, new Visit.Row { Visit = 2 }]);
        var counted = Count(() => Schema.Table<Lab>().Delete(prompt: false));
        var deletes = counted.Statements.Where(s => s.StartsWith("DELETE", StringComparison.Ordinal)).ToList();
        Assert.That(deletes, Is.Not.Empty, counted.ToString());

        // Every descendant reached through NOT NULL foreign-key columns loses every row, as the raw child-first DELETEs would
        // do it; only the visits, whose lab may be NULL, keep a condition.
        Assert.Multiple(() =>
        {
            Assert.That(deletes.Where(s => s.Contains(" WHERE ", StringComparison.Ordinal)), Has.Exactly(1).Contains("visit"), string.Join(" | ", deletes));
            Assert.That(deletes.Count(s => !s.Contains(" WHERE ", StringComparison.Ordinal)), Is.EqualTo(5), string.Join(" | ", deletes));
        });
        Assert.That(Schema.Table<Visit>().Count(), Is.EqualTo(1));
    }

    private sealed record Counted(List<string> Statements, long Checkouts)
    {
        public override string ToString() =>
            $"{Checkouts} checkout(s), {Statements.Count} statement(s): " + string.Join(" | ", Statements.Select(s => s.Length > 60 ? s[..60] : s));
    }

    private Counted Count(Action work)
    {
        var statements = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MySqlConnector" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString();
                if (text is null) return; // MySqlConnector's span of opening a connection: counted as a checkout
                lock (statements) statements.Add(text);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var before = Instance.Connection.PoolCheckouts;
        work();
        var checkouts = Instance.Connection.PoolCheckouts - before;
        lock (statements) return new Counted([.. statements], checkouts);
    }
}
