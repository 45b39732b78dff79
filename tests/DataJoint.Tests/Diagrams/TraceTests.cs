using DataJoint.Tests.Changes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Diagrams;

/// <summary>Diagram.Trace and Upstream inside Make against hand-computed ancestors (docs/diagrams.md#trace).</summary>
public sealed class TraceTests(Backend backend) : BackendTest(backend)
{
    private string Full(string table) => $"{FullName(Schema.Name, table)}";

    [Test]
    public void TraceRestrictsEveryAncestorToTheRowsTheSeedComesFrom()
    {
        CascadeTables.Fill(Schema);
        var trace = Diagram.Trace(Schema.Table<Spike>() & new { lab = "b", animal = 2, recording = 1, channel = 3 });
        var counts = trace.Counts();
        Assert.Multiple(() =>
        {
            Assert.That(counts, Is.EqualTo(new Dictionary<string, long>
            {
                [Full("lab")] = 1, [Full("animal")] = 1, [Full("recording")] = 1, [Full("recording__channel")] = 1, [Full("spike")] = 2,
            }));
            Assert.That(trace["Animal"].Fetch1(), Is.EqualTo(new Dictionary<string, object?> { ["lab"] = "b", ["animal"] = 2 }));
            Assert.That(trace["Recording.Channel"].Fetch1()["channel"], Is.EqualTo(3));
            Assert.That(trace[$"{Schema.Name}.lab"].Fetch1()["lab"], Is.EqualTo("b"));
            Assert.That(trace[Schema.Table<Lab>()].Count(), Is.EqualTo(1));
        });
        var notAncestor = Assert.Throws<ArgumentException>(() => _ = trace["Pairing"]);
        Assert.That(notAncestor!.Message, Does.Contain("'Pairing' is not in this diagram's rows"));
        Assert.Throws<InvalidOperationException>(() => _ = Diagram.Of(Schema)["Lab"]);
    }

    [Test]
    public async Task TraceFollowsEveryForeignKeyWithOrIncludingARenamedOne()
    {
        CascadeTables.Fill(Schema);
        Schema.Table<Pairing>().Insert([
            new Pairing.Row { Lab = "a", Animal = 1, BuddyLab = "b", Buddy = 2 },
            new Pairing.Row { Lab = "b", Animal = 1, BuddyLab = "a", Buddy = 1 }]);
        var trace = await Diagram.TraceAsync(Schema.Table<Pairing>() & new { lab = "a", animal = 1 });
        // The pairing refers to animal (a,1) as owner and (b,2) as buddy; their labs are a and b.
        Assert.That(trace["Animal"].ToDicts().Select(r => $"{r["lab"]}{r["animal"]}"), Is.EquivalentTo(new[] { "a1", "b2" }));
        Assert.That((await trace.CountsAsync())[Full("lab")], Is.EqualTo(2));
        Assert.That(trace.Tables, Is.EqualTo(new[] { Full("lab"), Full("animal"), Full("pairing") }));
    }

    [Test]
    public void AClassNameTwoSchemasShareIsAmbiguousUntilTheFullNameIsGiven()
    {
        // Two schemas each with a lab table; a note refers to both (written by hand, as DataJoint-Python could declare it).
        var other = NewSchema();
        Schema.Table<Lab>().Insert1(new Lab.Row { Lab = "here" });
        other.Table<Lab>().Insert([new Lab.Row { Lab = "here" }, new Lab.Row { Lab = "there" }]);
        Instance.Connection.Execute($"CREATE TABLE {Full("note")} ({Q("lab")} varchar(16) NOT NULL, {Q("note")} int NOT NULL, "
            + $"PRIMARY KEY ({Q("lab")}, {Q("note")}), FOREIGN KEY ({Q("lab")}) REFERENCES {Full("lab")} ({Q("lab")}), "
            + $"FOREIGN KEY ({Q("lab")}) REFERENCES {FullName(other.Name, "lab")} ({Q("lab")}))");
        var note = new FreeTable(Instance.Connection, $"{Schema.Name}.note");
        note.Insert1(new { lab = "here", note = 1 });

        var trace = Diagram.Trace(note);
        var ambiguous = Assert.Throws<ArgumentException>(() => _ = trace["Lab"]);
        Assert.That(ambiguous!.Message, Does.StartWith("Ambiguous table reference 'Lab': it matches")
            .And.Contain(Full("lab")).And.Contain($"{FullName(other.Name, "lab")}").And.Contain("Use the full name (schema.table)"));
        Assert.Multiple(() =>
        {
            Assert.That(trace[$"{Schema.Name}.lab"].ToDicts().Select(r => r["lab"]), Is.EqualTo(new[] { "here" }));
            Assert.That(trace[$"{FullName(other.Name, "lab")}"].ToDicts().Select(r => r["lab"]), Is.EqualTo(new[] { "here" }), "quoted full names work too");
            Assert.That(trace[other.Table<Lab>()].Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void UpstreamInsideMakeTracesTheKeyBeingMade()
    {
        CascadeTables.Fill(Schema);
        var traced = Schema.Table<ChannelCount>();
        Assert.Throws<InvalidOperationException>(() => traced.Upstream());
        traced.Populate();
        Assert.That(traced.Fetch().Select(r => (r.Lab, r.Animal, r.Recording, r.Channels, r.Labs)),
            Is.EquivalentTo(from r in Schema.Table<Recording>().FetchKeys() select (r.Lab, r.Animal, r.Recording, 3, 1)));
    }
}

[Definition("""
    -> Changes.Recording
    ---
    channels : int32
    labs : int32
    """)]
public partial class ChannelCount : Computed
{
    void Make(Key key)
    {
        // The recording's trace: its lab, animal and itself; the same Diagram on a second call.
        var upstream = Upstream();
        Assert.That(Upstream(), Is.SameAs(upstream));
        var channels = (Schema.Table<Recording.Channel>() & key).Count();
        Insert1(new Row { Lab = key.Lab, Animal = key.Animal, Recording = key.Recording, Channels = (int)channels, Labs = (int)upstream["Lab"].Count() });
        Assert.That(upstream["Recording"].Fetch1()["recording"], Is.EqualTo(key.Recording));
    }
}
