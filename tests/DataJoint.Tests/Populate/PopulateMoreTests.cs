using System.Diagnostics;
using DataJoint.Tests.Infrastructure;
using DataJoint.Tests.Pipeline;
using Microsoft.Extensions.Logging;

namespace DataJoint.Tests.Populate;

public sealed class PopulateMoreTests(Backend backend) : BackendTest(backend)
{
    private void LoadSources(int count) =>
        Schema.Table<Source>().Insert(Enumerable.Range(1, count).Select(i => new Source.Row { SourceId = i, Value = i }));

    [Test]
    public void MasterAndPartsAreWrittenAtomically()
    {
        LoadSources(2);
        var split = Schema.Table<Split>();

        var result = split.Populate(new PopulateOptions { SuppressErrors = true });

        Assert.That(result.SuccessCount, Is.EqualTo(1));
        Assert.That(split.FetchKeys().Select(k => k.SourceId), Is.EqualTo(new[] { 1 }));
        var pieces = Schema.Table<Split.Piece>();
        Assert.That(pieces.Fetch().Select(p => p.SourceId), Is.EqualTo(new[] { 1, 1, 1 }), "the parts of the failed key are rolled back");
    }

    [Test]
    public void RenamedForeignKeysAreRenamedInTheKeySource()
    {
        LoadSources(3);
        var renamed = Schema.Table<Renamed>();

        Assert.That(renamed.KeySource.PrimaryKey, Is.EqualTo(new[] { "origin_id" }));
        Assert.That(renamed.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(3));
        Assert.That(renamed.Fetch().OrderBy(r => r.OriginId).Select(r => r.Copied), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(renamed.Progress(), Is.EqualTo((0L, 3L)));
    }

    [Test]
    public void ImportedTablesPopulateWithTheirOwnJobTable()
    {
        LoadSources(3);
        var loaded = Schema.Table<Loaded>();

        Assert.That(loaded.SqlTableName, Is.EqualTo("_loaded"));
        Assert.That(loaded.Jobs.SqlTableName, Is.EqualTo("~~loaded"));
        Assert.That(loaded.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(3));
    }

    [Test]
    public void TheSharedPipelineComputesSessionStats()
    {
        Schema.Table<Subject>().Insert1(new Subject.Row { SubjectId = 1, Species = "mouse" });
        Schema.Table<Session>().Insert([
            new Session.Row { SubjectId = 1, SessionIdx = 1, SessionDate = new DateOnly(2024, 1, 1) },
            new Session.Row { SubjectId = 1, SessionIdx = 2, SessionDate = new DateOnly(2024, 1, 2) },
        ]);
        Schema.Table<Session.Trial>().Insert(Enumerable.Range(1, 4).Select(i => new Session.Trial.Row { SubjectId = 1, SessionIdx = 1, TrialIdx = i, Outcome = "hit" }));
        var stats = Schema.Table<SessionStats>();

        Assert.That(stats.Populate().SuccessCount, Is.EqualTo(2));
        Assert.That(stats.Fetch().OrderBy(s => s.SessionIdx).Select(s => s.NTrials), Is.EqualTo(new[] { 4, 0 }));
    }

    [Test]
    public void MakeWithAnUnusableSignatureIsReported()
    {
        LoadSources(1);
        var table = Schema.Table<WrongSignature>();

        var ex = Assert.Throws<DataJointException>(() => table.Populate());
        Assert.That(ex!.Message, Does.Contain("has no Make method populate can call"));
        Assert.That(table.Count(), Is.Zero);
    }

    [Test]
    public void PopulateLogsWithStableEventIdsAndTraces()
    {
        LoadSources(3);
        var log = new LogCapture();
        Instance.Config.LogLevel = "DEBUG"; // the per-key events are debug ones
        Instance.Connection.LoggerFactory = log;
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "DataJoint",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("datajoint.table") is string table && table.Contains(Schema.Name, StringComparison.Ordinal))
                {
                    lock (spans) spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        Schema.Table<FailsOnOdd>().Populate(new PopulateOptions { SuppressErrors = true, ReserveJobs = true });

        var events = log.Events;
        Assert.That(events.Select(e => e.Id), Does.Contain(7001).And.Contain(7002).And.Contain(7003).And.Contain(7004).And.Contain(7006));
        Assert.That(events.Count(e => e.Id == 7004 && e.Level == LogLevel.Error), Is.EqualTo(2));

        lock (spans)
        {
            Assert.That(spans.Count(s => s.OperationName == "populate"), Is.EqualTo(1));
            var makes = spans.Where(s => s.OperationName == "make").ToList();
            Assert.That(makes, Has.Count.EqualTo(3));
            Assert.That(makes.Count(s => (string?)s.GetTagItem("datajoint.outcome") == "error"), Is.EqualTo(2));
        }
    }

    [Test]
    public void HiddenJobMetadataColumnsAreDeclaredWhenConfiguredAndFilled()
    {
        var instance = NewInstance(new Dictionary<string, object?> { ["jobs.add_job_metadata"] = true });
        var schema = NewSchema(instance);
        schema.Table<Source>().Insert(Enumerable.Range(1, 2).Select(i => new Source.Row { SourceId = i, Value = i }));
        var doubled = schema.Table<Doubled>();
        Assert.That(schema.Table<Source>().Connection.Query(
            $"SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = {P(0)} "
            + $"AND table_name = {P(1)} AND column_name IN ('_job_start_time', '_job_duration', '_job_version')", schema.Name, doubled.SqlTableName)
            .Single()["n"], Is.EqualTo(3L), "declared with the three hidden columns; the manual Source table has none");
        instance.Config.Jobs.Version = "abc1234";

        Assert.That(doubled.Populate().SuccessCount, Is.EqualTo(2));

        var rows = instance.Connection.Query($"SELECT _job_start_time, _job_duration, _job_version FROM {doubled.FullTableName}");
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows.Select(r => r["_job_start_time"]), Is.All.Not.Null);
        Assert.That(rows.Select(r => Convert.ToDouble(r["_job_duration"])), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(rows.Select(r => r["_job_version"]), Is.All.EqualTo("abc1234"));
        Assert.That(doubled.Heading.Names, Does.Not.Contain("_job_version"), "the columns stay hidden");
    }
}
