using DataJoint.Tests.Changes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Diagrams;

/// <summary>
/// Diagram.Cascade previews a delete with the delete's own plan: its counts equal what Delete then removes, table by table
/// (counted by hand-written SQL before and after); Restrict and Prune (docs/diagrams.md#operational-diagrams).
/// </summary>
public sealed class CascadeDiagramTests(Backend backend) : BackendTest(backend)
{
    private static readonly string[] Tables =
        ["lab", "animal", "recording", "recording__channel", "spike", "pairing", "rig", "sitting", "sitting__rig_use"];

    private string Full(string table) => $"{FullName(Schema.Name, table)}";

    private void Fill()
    {
        CascadeTables.Fill(Schema);
        Schema.Table<Pairing>().Insert([
            new Pairing.Row { Lab = "a", Animal = 1, BuddyLab = "b", Buddy = 2 },
            new Pairing.Row { Lab = "b", Animal = 1, BuddyLab = "a", Buddy = 1 }]);
        Schema.Table<Rig>().Insert([new Rig.Row { Rig = 1 }, new Rig.Row { Rig = 2 }]);
        Schema.Table<Sitting>().Insert([new Sitting.Row { Lab = "a", Sitting = 1 }, new Sitting.Row { Lab = "b", Sitting = 1 }]);
        Schema.Table<Sitting.RigUse>().Insert([
            new Sitting.RigUse.Row { Lab = "a", Sitting = 1, Rig = 1 }, new Sitting.RigUse.Row { Lab = "a", Sitting = 1, Rig = 2 },
            new Sitting.RigUse.Row { Lab = "b", Sitting = 1, Rig = 2 }]);
    }

    private Dictionary<string, long> RowCounts() => Tables.ToDictionary(Full,
        t => Convert.ToInt64(Instance.Connection.Query($"SELECT COUNT(*) AS n FROM {Full(t)}")[0]["n"], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Deletes through <paramref name="delete"/> and returns, per table, the rows that went.</summary>
    private Dictionary<string, long> Removed(Action delete)
    {
        var before = RowCounts();
        delete();
        var after = RowCounts();
        return before.Where(p => p.Value != after[p.Key]).ToDictionary(p => p.Key, p => p.Value - after[p.Key]);
    }

    private static Dictionary<string, long> NonZero(IReadOnlyDictionary<string, long> counts) =>
        counts.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);

    [Test]
    public void CascadeCountsEqualWhatDeleteRemovesAcrossARenamedKey()
    {
        Fill();
        var animal = Schema.Table<Animal>() & new { lab = "a", animal = 1 };
        var cascade = Diagram.Cascade(animal);
        var counts = cascade.Counts();
        Assert.Multiple(() =>
        {
            Assert.That(counts.Keys, Is.EqualTo(new[] { Full("animal"), Full("pairing"), Full("recording"), Full("recording__channel"), Full("spike") }),
                "the seed and its descendants, parents first");
            // Animal (a,1): 2 recordings, 6 channels, 12 spikes; pairings (a,1) as owner and (b,1) whose buddy it is.
            Assert.That(counts[Full("animal")], Is.EqualTo(1));
            Assert.That(counts[Full("pairing")], Is.EqualTo(2));
            Assert.That(counts[Full("spike")], Is.EqualTo(12));
            Assert.That(cascade.Tables, Is.EqualTo(counts.Keys));
        });
        Assert.That(Removed(() => animal.Delete(prompt: false)), Is.EqualTo(NonZero(counts)));
    }

    [Test]
    public async Task CascadeWithPartIntegrityCascadeCountsTheMastersAndTheirOtherParts()
    {
        Fill();
        var rig = Schema.Table<Rig>() & new { rig = 2 };
        var counts = await (await Diagram.CascadeAsync(rig, PartIntegrity.Cascade)).CountsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(counts[Full("sitting")], Is.EqualTo(2), "both sittings used rig 2");
            Assert.That(counts[Full("sitting__rig_use")], Is.EqualTo(3), "including the rig-1 use of sitting (a,1)");
        });
        Assert.That(Removed(() => rig.Delete(prompt: false, partIntegrity: "cascade")), Is.EqualTo(NonZero(counts)));

        var channel = Schema.Table<Recording.Channel>() & new { lab = "b", animal = 2, recording = 1, channel = 3 };
        var fromPart = NonZero(Diagram.Cascade(channel, "cascade").Counts());
        Assert.That(fromPart[Full("recording__channel")], Is.EqualTo(3), "all channels of the master recording");
        Assert.That(Removed(() => channel.Delete(prompt: false, partIntegrity: "cascade")), Is.EqualTo(fromPart));
    }

    [Test]
    public void AnUnrestrictedCascadeCountsWholeTablesAndBadModesAreRefused()
    {
        Fill();
        var counts = Diagram.Cascade(Schema.Table<Lab>(), "ignore").Counts();
        Assert.That(counts, Is.EquivalentTo(RowCounts().Where(p => p.Key != Full("rig"))));
        Assert.That(counts.Keys, Is.EquivalentTo(Tables.Where(t => t != "rig").Select(Full)));
        Assert.Throws<ArgumentException>(() => Diagram.Cascade(Schema.Table<Lab>(), "casade"));
        var cascade = Diagram.Cascade(Schema.Table<Lab>());
        Assert.Throws<InvalidOperationException>(() => cascade.Prune());
        Assert.Throws<InvalidOperationException>(() => cascade.Restrict(Schema.Table<Lab>()));
        Assert.Throws<InvalidOperationException>(() => Diagram.Of(Schema).Counts());
    }

    [Test]
    public void IterationYieldsRestrictedTablesParentsFirst()
    {
        Fill();
        var cascade = Diagram.Cascade(Schema.Table<Recording>() & new { lab = "a", animal = 2, recording = 2 });
        var tables = cascade.ToList();
        Assert.That(tables.Select(t => t.FullTableName), Is.EqualTo(new[] { Full("recording"), Full("recording__channel"), Full("spike") }));
        Assert.That(tables.Select(t => t.Count()), Is.EqualTo(new long[] { 1, 3, 6 }));
        Assert.That(cascade.Reversed().Select(t => t.FullTableName), Is.EqualTo(tables.Select(t => t.FullTableName).Reverse()));
        Assert.That(tables[2].ToDicts().Select(r => Convert.ToInt32(r["recording"], System.Globalization.CultureInfo.InvariantCulture)).Distinct(),
            Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public async Task RestrictMeetsPathsWithAndAndPruneDropsEmptyTables()
    {
        _ = Schema.Table<Mood>();
        Fill();
        var diagram = Diagram.Of(Schema);
        // Spikes of lab a, then also only spike 1: AND of both seeds where they meet.
        var restricted = diagram.Restrict(Schema.Table<Lab>() & new { lab = "a" }).Restrict(Schema.Table<Spike>() & new { spike = 1 });
        var counts = restricted.Counts();
        Assert.Multiple(() =>
        {
            Assert.That(counts[Full("lab")], Is.EqualTo(1));
            Assert.That(counts[Full("animal")], Is.EqualTo(2));
            Assert.That(counts[Full("spike")], Is.EqualTo(12), "lab a's 24 spikes, spike 1 only");
            Assert.That(counts[Full("pairing")], Is.Zero, "both keys to animal must point into lab a (AND over every key, as DataJoint)");
            Assert.That(counts, Does.Not.ContainKey(Full("rig")), "no seed reaches rig");
        });

        var none = diagram.Restrict(Schema.Table<Lab>() & new { lab = "nobody" });
        var pruned = await none.PruneAsync();
        Assert.That(pruned.Tables, Is.EqualTo(new[] { Full("mood"), Full("rig") }), "every restricted table is empty for that lab; unrestricted ones stay");
        Assert.That(diagram.Prune().Tables, Is.EquivalentTo(Tables.Select(Full)), "unrestricted: only the empty mood table goes");
        Assert.Throws<ArgumentException>(() => Diagram.Of(Schema.Table<Rig>()).Restrict(NewSchema().Table<Rig>()));
    }
}
