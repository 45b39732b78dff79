using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataJoint.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DataJoint.Tests.Observability;

[Definition("""
    probe_id : int32
    ---
    label : varchar(64)
    """)]
public partial class TelemetryProbe : Manual;

[Definition("""
    -> TelemetryProbe
    note_no : int16
    ---
    note : varchar(64)
    """)]
public partial class TelemetryNote : Manual;

[Definition("""
    -> TelemetryProbe
    ---
    label_length : int32
    """)]
public partial class TelemetryLength : Computed
{
    void Make(Key key)
    {
        var probe = (Schema.Table<TelemetryProbe>() & key).Fetch1();
        if (probe.Label == "bad") throw new InvalidDataException("a label this make refuses");
        Insert1(new Row { ProbeId = key.ProbeId, LabelLength = probe.Label.Length });
    }
}

/// <summary>
/// Every operation traces one span with the database tags, counts its rows and records its duration; failures mark
/// both; nothing a tag or a metric carries is a row value, a key value or the password; the schema log events appear.
/// Spans and measurements are filtered to this fixture's schema, so fixtures running in parallel do not disturb them.
/// </summary>
public sealed class TelemetryTests(Backend backend) : BackendTest(backend)
{
    private const string SecretLabel = "Zebra-Value-9137";
    private const int SecretKey = 731_902;

    private readonly List<Activity> _spans = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private ActivityListener _activities = null!;
    private MeterListener _meters = null!;

    [SetUp]
    public void Listen()
    {
        // One fixture instance serves all its tests (one after another): start each with nothing recorded.
        lock (_spans) _spans.Clear();
        lock (_measurements) _measurements.Clear();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "DataJoint",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Mine(activity.GetTagItem("db.collection.name"))) lock (_spans) _spans.Add(activity);
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "DataJoint") listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    [TearDown]
    public void StopListening()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private bool Mine(object? table) => table is string name && name.Contains(Schema.Name, StringComparison.Ordinal);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        if (!copy.TryGetValue("db.collection.name", out var table) || !Mine(table)) return;
        lock (_measurements) _measurements.Add((instrument.Name, value, copy));
    }

    private List<Activity> Spans(string name)
    {
        lock (_spans) return _spans.Where(s => s.OperationName == name).ToList();
    }

    private double Sum(string instrument, string? operation = null)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument
                && (operation is null || (string?)m.Tags.GetValueOrDefault("datajoint.operation") == operation)).Sum(m => m.Value);
        }
    }

    [Test]
    public async Task EachOperationIsOneSpanWithTheDatabaseTagsAndItsRowCount()
    {
        var probes = await Schema.TableAsync<TelemetryProbe>();
        var table = probes.FullTableName;
        await probes.InsertAsync([new TelemetryProbe.Row { ProbeId = SecretKey, Label = SecretLabel },
            new TelemetryProbe.Row { ProbeId = 2, Label = "b" }, new TelemetryProbe.Row { ProbeId = 3, Label = "c" }]);
        Assert.That(await probes.FetchAsync(), Has.Count.EqualTo(3));
        Assert.That(probes.ToDicts(), Has.Count.EqualTo(3));
        var streamed = 0;
        await foreach (var _ in probes.Stream()) streamed++;
        Assert.That((probes & new { probe_id = 2 }).Fetch1<TelemetryProbe.Row>().Label, Is.EqualTo("b"));
        Assert.That((probes & new { probe_id = 3 }).Delete(prompt: false), Is.EqualTo(1));

        Assert.Multiple(() =>
        {
            var declare = Spans("declare");
            Assert.That(declare.Select(s => s.GetTagItem("db.collection.name")), Does.Contain(table), "binding the table is a declare span");
            var insert = Spans("insert").Single();
            Assert.That(insert.GetTagItem("datajoint.rows"), Is.EqualTo(3L));
            var fetches = Spans("fetch");
            Assert.That(fetches, Has.Count.EqualTo(4), "typed fetch, ToDicts, stream, restricted Fetch1");
            Assert.That(fetches.Select(s => s.GetTagItem("datajoint.rows")), Is.EquivalentTo(new object[] { 3L, 3L, 3L, 1L }));
            var delete = Spans("delete").Single();
            Assert.That(delete.GetTagItem("datajoint.rows"), Is.EqualTo(1L));
            foreach (var span in declare.Concat([insert]).Concat(fetches).Concat([delete]))
            {
                Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
                Assert.That(span.GetTagItem("db.system.name"), Is.EqualTo(Backend == Backend.MySql ? "mysql" : "postgresql"));
                Assert.That(span.GetTagItem("server.address"), Is.EqualTo(Server.Host));
                Assert.That(Convert.ToInt32(span.GetTagItem("server.port")), Is.EqualTo(Server.Port));
                Assert.That(span.GetTagItem("db.operation.name"), Is.EqualTo(span.OperationName));
                Assert.That(span.GetTagItem("datajoint.table"), Is.EqualTo(table));
                Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            }

            Assert.That(Sum("datajoint.rows.inserted"), Is.EqualTo(3));
            Assert.That(Sum("datajoint.rows.fetched"), Is.EqualTo(10));
            Assert.That(Sum("datajoint.rows.deleted"), Is.EqualTo(1));
            lock (_measurements)
            {
                var durations = _measurements.Where(m => m.Instrument == "datajoint.operation.duration").ToList();
                Assert.That(durations.Select(d => d.Tags["datajoint.operation"]).Distinct(), Is.SupersetOf(new[] { "declare", "insert", "fetch", "delete" }));
                Assert.That(durations.Select(d => d.Value), Is.All.GreaterThanOrEqualTo(0));
            }
        });
    }

    [Test]
    public void AFailedOperationMarksItsSpanAndItsDuration()
    {
        var probes = Schema.Table<TelemetryProbe>();
        probes.Insert1(new TelemetryProbe.Row { ProbeId = 1, Label = "a" });
        Assert.Throws<DuplicateKeyException>(() => probes.Insert1(new TelemetryProbe.Row { ProbeId = 1, Label = SecretLabel }));

        var failed = Spans("insert").Single(s => s.Status == ActivityStatusCode.Error);
        Assert.That(failed.GetTagItem("error.type"), Is.EqualTo(nameof(DuplicateKeyException)));
        lock (_measurements)
        {
            Assert.That(_measurements.Count(m => m.Instrument == "datajoint.operation.duration"
                && (string?)m.Tags.GetValueOrDefault("error.type") == nameof(DuplicateKeyException)), Is.EqualTo(1));
        }

        Assert.That(Sum("datajoint.rows.inserted"), Is.EqualTo(1), "the refused row is not counted");
    }

    [Test]
    public void NoTagCarriesAValueAKeyOrThePassword()
    {
        var probes = Schema.Table<TelemetryProbe>();
        probes.Insert1(new TelemetryProbe.Row { ProbeId = SecretKey, Label = SecretLabel });
        _ = (probes & new { probe_id = SecretKey }).ToDicts();
        _ = (probes & $"label = {SecretLabel}").Count();
        Assert.Throws<DuplicateKeyException>(() => probes.Insert1(new TelemetryProbe.Row { ProbeId = SecretKey, Label = SecretLabel }));
        (probes & new { probe_id = SecretKey }).Delete(prompt: false);

        var tagValues = new List<string>();
        lock (_spans) tagValues.AddRange(_spans.SelectMany(s => s.TagObjects).Select(t => Convert.ToString(t.Value) ?? ""));
        lock (_measurements) tagValues.AddRange(_measurements.SelectMany(m => m.Tags.Values).Select(v => Convert.ToString(v) ?? ""));
        Assert.That(tagValues, Is.Not.Empty);
        Assert.That(tagValues, Has.None.Contains(SecretLabel).And.None.Contains(SecretKey.ToString()).And.None.Contains(Server.Password + "-"));
        Assert.That(tagValues, Has.None.EqualTo(Server.Password));
    }

    [Test]
    public void DeclareDeleteAndDropAreLogged()
    {
        var log = new LogCapture();
        var instance = NewInstance();
        instance.Connection.LoggerFactory = log;
        var schema = NewSchema(instance);
        var probes = schema.Table<TelemetryProbe>();
        var notes = schema.Table<TelemetryNote>();
        probes.Insert1(new TelemetryProbe.Row { ProbeId = 1, Label = "a" });
        notes.Insert1(new TelemetryNote.Row { ProbeId = 1, NoteNo = 1, Note = "n" });
        (probes & new { probe_id = 1 }).Delete(prompt: false);
        notes.Drop(prompt: false);
        schema.Drop(prompt: false);

        Assert.Multiple(() =>
        {
            Assert.That(log.Messages(7202), Has.Some.Contains(probes.FullTableName).And.Some.Contains(notes.FullTableName));
            Assert.That(log.Messages(7301).Single(), Does.Contain(probes.FullTableName).And.Contain("1 row(s)").And.Contain(notes.SqlTableName));
            Assert.That(log.Messages(7203).Single(), Does.Contain(notes.SqlTableName));
            Assert.That(log.Messages(7204).Single(), Does.Contain(schema.Name));
            Assert.That(log.Events.Where(e => e.Id is 7202 or 7203 or 7204 or 7301).Select(e => e.Level), Is.All.EqualTo(LogLevel.Information));
        });

        // loglevel WARNING drops them.
        var quiet = new LogCapture();
        var warnOnly = NewInstance(new Dictionary<string, object?> { ["loglevel"] = "WARNING" });
        warnOnly.Connection.LoggerFactory = quiet;
        NewSchema(warnOnly).Table<TelemetryProbe>();
        Assert.That(quiet.Messages(7202), Is.Empty);
    }

    [Test]
    public void PopulateTracesEachKeyAndItsReservationAndCountsOutcomes()
    {
        var probes = Schema.Table<TelemetryProbe>();
        probes.Insert([new TelemetryProbe.Row { ProbeId = SecretKey, Label = SecretLabel },
            new TelemetryProbe.Row { ProbeId = 2, Label = "ok" }, new TelemetryProbe.Row { ProbeId = 3, Label = "bad" }]);
        var lengths = Schema.Table<TelemetryLength>();
        var result = lengths.Populate(new PopulateOptions { ReserveJobs = true, SuppressErrors = true });
        Assert.That(result.SuccessCount, Is.EqualTo(2));
        var progress = lengths.Jobs.Progress();
        _meters.RecordObservableInstruments();

        Assert.Multiple(() =>
        {
            var populate = Spans("populate").Single();
            Assert.That(populate.GetTagItem("db.collection.name"), Is.EqualTo(lengths.FullTableName));
            Assert.That(populate.GetTagItem("db.system.name"), Is.EqualTo(Backend == Backend.MySql ? "mysql" : "postgresql"));
            Assert.That(populate.GetTagItem("datajoint.keys"), Is.EqualTo(3));
            Assert.That(populate.GetTagItem("datajoint.failed"), Is.EqualTo(1));

            var makes = Spans("make");
            Assert.That(makes.Select(m => m.GetTagItem("datajoint.outcome")), Is.EquivalentTo(new[] { "success", "success", "error" }));
            Assert.That(makes, Has.All.Matches<Activity>(m => m.ParentId == populate.Id), "each make is a child of its populate");
            var failed = makes.Single(m => (string?)m.GetTagItem("datajoint.outcome") == "error");
            Assert.That(failed.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(failed.GetTagItem("error.type"), Is.EqualTo(nameof(InvalidDataException)));
            Assert.That(makes.SelectMany(m => m.TagObjects).Select(t => Convert.ToString(t.Value) ?? ""),
                Has.None.Contains(SecretKey.ToString()), "a make span names no key value");

            var reserves = Spans("reserve");
            Assert.That(reserves, Has.Count.EqualTo(3));
            Assert.That(reserves.Select(r => r.GetTagItem("datajoint.reserved")), Is.All.EqualTo(true));
            Assert.That(reserves.Select(r => r.GetTagItem("db.collection.name")), Is.All.EqualTo(lengths.Jobs.FullTableName));

            lock (_measurements)
            {
                var keys = _measurements.Where(m => m.Instrument == "datajoint.populate.keys").ToList();
                Assert.That(keys.Where(k => (string?)k.Tags["datajoint.outcome"] == "success").Sum(k => k.Value), Is.EqualTo(2));
                Assert.That(keys.Where(k => (string?)k.Tags["datajoint.outcome"] == "error").Sum(k => k.Value), Is.EqualTo(1));
                var depth = _measurements.Where(m => m.Instrument == "datajoint.jobs.queue_depth")
                    .ToDictionary(m => (string)m.Tags["datajoint.job.status"]!, m => m.Value);
                Assert.That(depth["error"], Is.EqualTo(progress.Error).And.EqualTo(1));
                Assert.That(depth["pending"], Is.EqualTo(0));
                var durations = _measurements.Where(m => m.Instrument == "datajoint.operation.duration").Select(m => m.Tags["datajoint.operation"]);
                Assert.That(durations, Is.SupersetOf(new[] { "populate", "make", "reserve" }));
            }
        });
    }
}
