using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Queries;

[Definition("""
    # an instrument with its settings as JSON
    instrument_id : int32
    ---
    settings : json
    """)]
public partial class Instrument : Manual;

[Definition("""
    # settings indexed by a JSON path
    rig_id : int32
    ---
    settings : json
    index(settings.laser.mode:char(20))
    """)]
public partial class IndexedRig : Manual;

/// <summary>Dictionary restrictions with <c>attr.json.path[:type]</c> keys (docs/semantics.md#restriction).</summary>
public sealed class JsonPathRestrictionTests(Backend backend) : BackendTest(backend)
{
    private Instrument Fill()
    {
        var instrument = Schema.Table<Instrument>();
        instrument.Insert([
            new Instrument.Row { InstrumentId = 1, Settings = JsonNode.Parse("""{"laser": {"power": 5, "mode": "pulsed"}, "on": true, "gains": [1, 2]}""")! },
            new Instrument.Row { InstrumentId = 2, Settings = JsonNode.Parse("""{"laser": {"power": 12, "mode": "cw"}, "on": false, "gains": [3, 4]}""")! },
            new Instrument.Row { InstrumentId = 3, Settings = JsonNode.Parse("""{"laser": {"mode": "cw"}, "on": true, "gains": [1]}""")! },
        ]);
        return instrument;
    }

    private static int[] Ids(QueryExpression q) => q.Column<int>("instrument_id").Order().ToArray();

    [Test]
    public void PathKeysCompareTheValueAtThePath()
    {
        var instrument = Fill();
        Assert.Multiple(() =>
        {
            Assert.That(Ids(instrument & new Dictionary<string, object?> { ["settings.laser.mode"] = "cw" }), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(Ids(instrument & new Dictionary<string, object?> { ["settings.laser.power"] = 12 }), Is.EqualTo(new[] { 2 }));
            Assert.That(Ids(instrument & new Dictionary<string, object?> { ["settings.on"] = true }), Is.EqualTo(new[] { 1, 3 }));
            Assert.That(Ids(instrument & new Dictionary<string, object?> { ["settings.gains[0]"] = 1 }), Is.EqualTo(new[] { 1, 3 }));
            Assert.That(Ids(instrument & new Dictionary<string, object?> { ["settings.laser.power"] = null }), Is.EqualTo(new[] { 3 }));
            Assert.That(Ids(instrument - new Dictionary<string, object?> { ["settings.laser.mode"] = "cw" }), Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public void TypedPathKeysCastBeforeComparingAndCombineWithPlainKeys()
    {
        var instrument = Fill();
        var typed = instrument & new Dictionary<string, object?> { ["settings.laser.power:signed"] = 5 };
        if (Backend == Backend.PostgreSql) typed = instrument & new Dictionary<string, object?> { ["settings.laser.power:int"] = 5 };
        Assert.That(Ids(typed), Is.EqualTo(new[] { 1 }));
        Assert.That(Ids(instrument & new Dictionary<string, object?> { ["settings.laser.mode"] = "cw", ["instrument_id"] = 3 }), Is.EqualTo(new[] { 3 }));
        Assert.That(Ids(instrument & new Dictionary<string, object?> { ["unknown.path"] = 1 }), Is.EqualTo(new[] { 1, 2, 3 }),
            "keys whose attribute is not in the heading are ignored, as DataJoint does");
    }

    [Test]
    public void PathsOnNonJsonAttributesAndUnsafeTypesAreRefused()
    {
        var instrument = Fill();
        var notJson = Assert.Throws<DataJointException>(() => _ = instrument & new Dictionary<string, object?> { ["instrument_id.x"] = 1 });
        Assert.That(notJson!.Message, Does.Contain("instrument_id.x").And.Contain("not json"));
        var badType = Assert.Throws<DataJointException>(() => _ = instrument & new Dictionary<string, object?> { ["settings.on:int) OR (true"] = 1 });
        Assert.That(badType!.Message, Does.Contain("not a type"));
    }

    [Test]
    public void JsonPathIndexItemsBecomeExpressionIndexes()
    {
        var version = Convert.ToString(Instance.Connection.Query("SELECT VERSION() AS v")[0]["v"], System.Globalization.CultureInfo.InvariantCulture)!;
        if (Backend == Backend.MySql && version.Contains("MariaDB", StringComparison.Ordinal))
        {
            // MariaDB has no expression indexes (MySQL 8.0.13+ has); the server's refusal reaches the caller.
            Assert.Throws<QuerySyntaxException>(() => Schema.Table<IndexedRig>());
            return;
        }

        var rig = Schema.Table<IndexedRig>();
        rig.Insert1(new IndexedRig.Row { RigId = 1, Settings = JsonNode.Parse("""{"laser": {"mode": "cw"}}""")! });
        Assert.That(Ids2(rig & new Dictionary<string, object?> { ["settings.laser.mode"] = "cw" }), Is.EqualTo(new[] { 1 }));
        if (Backend == Backend.PostgreSql)
        {
            var definitions = Instance.Connection.Query("SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'indexed_rig'", Schema.Name)
                .Select(r => (string)r["indexdef"]!);
            Assert.That(definitions, Has.Some.Contains("jsonb_extract_path_text(settings, VARIADIC ARRAY['laser'::text, 'mode'::text])"));
        }
    }

    private static int[] Ids2(QueryExpression q) => q.Column<int>("rig_id").Order().ToArray();
}
