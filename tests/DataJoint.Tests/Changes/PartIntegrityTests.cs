using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Changes;

/// <summary>Delete's <c>partIntegrity</c> modes and Drop's part rule (docs/semantics.md#part-tables, #delete, #cascade).</summary>
public sealed class PartIntegrityTests(Backend backend) : BackendTest(backend)
{
    private void Fill() => CascadeTables.Fill(Schema);

    private void FillSittings()
    {
        Schema.Table<Lab>().Insert([new Lab.Row { Lab = "a" }, new Lab.Row { Lab = "b" }]);
        Schema.Table<Rig>().Insert([new Rig.Row { Rig = 1 }, new Rig.Row { Rig = 2 }]);
        Schema.Table<Sitting>().Insert(from lab in new[] { "a", "b" } from s in new[] { 1, 2 } select new Sitting.Row { Lab = lab, Sitting = s });
        // Sitting (a,1) used rigs 1 and 2; (a,2) rig 2; (b,1) rig 1; (b,2) none.
        Schema.Table<Sitting.RigUse>().Insert([
            new Sitting.RigUse.Row { Lab = "a", Sitting = 1, Rig = 1 }, new Sitting.RigUse.Row { Lab = "a", Sitting = 1, Rig = 2 },
            new Sitting.RigUse.Row { Lab = "a", Sitting = 2, Rig = 2 }, new Sitting.RigUse.Row { Lab = "b", Sitting = 1, Rig = 1 }]);
    }

    [Test]
    public void CascadeFromAPartDeletesItsMasterWithAllSiblingPartsAndTheirDescendants()
    {
        Fill();
        var channel = Schema.Table<Recording.Channel>() & new { lab = "a", animal = 1, recording = 1, channel = 1 };
        Assert.That(channel.Delete(prompt: false, partIntegrity: "cascade"), Is.EqualTo(3), "the seed table lost all three channels of the recording");
        Assert.Multiple(() =>
        {
            Assert.That(Schema.Table<Recording>().Count(), Is.EqualTo(7));
            Assert.That((Schema.Table<Recording>() & new { lab = "a", animal = 1, recording = 1 }).Count(), Is.Zero);
            Assert.That(Schema.Table<Recording.Channel>().Count(), Is.EqualTo(21));
            Assert.That(Schema.Table<Spike>().Count(), Is.EqualTo(42));
            Assert.That(Schema.Table<Animal>().Count(), Is.EqualTo(4), "cascading up stops at the master");
        });
    }

    [Test]
    public void CascadeReachingAPartFromAnotherParentDeletesTheMastersOfTheAffectedRowsOnly()
    {
        FillSittings();
        var rig2 = Schema.Table<Rig>() & new { rig = 2 };
        var enforce = Assert.Throws<DataJointException>(() => rig2.Delete(prompt: false));
        Assert.That(enforce!.Message, Does.Contain("before its master").And.Contain("cascade"));
        Assert.That(Schema.Table<Sitting.RigUse>().Count(), Is.EqualTo(4), "the refused delete was rolled back");

        Assert.That(rig2.Delete(prompt: false, partIntegrity: "cascade"), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(Schema.Table<Sitting>().FetchKeys().Select(k => (k.Lab, k.Sitting)),
                Is.EquivalentTo(new[] { ("b", 1), ("b", 2) }), "sittings that used rig 2 are gone");
            Assert.That(Schema.Table<Sitting.RigUse>().FetchKeys().Select(k => (k.Lab, k.Sitting, k.Rig)),
                Is.EquivalentTo(new[] { ("b", 1, 1) }), "the rig-1 use of sitting (a,1) went with its master");
            Assert.That(Schema.Table<Rig>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task IgnoreDeletesOnlyThePartRowsAndCascadeWorksAsynchronously()
    {
        FillSittings();
        Assert.That((Schema.Table<Rig>() & new { rig = 1 }).Delete(prompt: false, partIntegrity: "ignore"), Is.EqualTo(1));
        Assert.That(Schema.Table<Sitting>().Count(), Is.EqualTo(4), "ignore leaves the masters");
        Assert.That(Schema.Table<Sitting.RigUse>().Count(), Is.EqualTo(2));

        Assert.That(await (Schema.Table<Rig>() & new { rig = 2 }).DeleteAsync(prompt: false, partIntegrity: "cascade"), Is.EqualTo(1));
        Assert.That(Schema.Table<Sitting>().FetchKeys().Select(k => (k.Lab, k.Sitting)), Is.EquivalentTo(new[] { ("b", 1), ("b", 2) }));
        Assert.That(Schema.Table<Sitting.RigUse>().Count(), Is.Zero);
    }

    [Test]
    public async Task TheTypedPartIntegrityOverloadsBehaveAsTheirNames()
    {
        FillSittings();
        Assert.Throws<DataJointException>(() => (Schema.Table<Rig>() & new { rig = 1 }).Delete(prompt: false, PartIntegrity.Enforce));
        Assert.That((Schema.Table<Rig>() & new { rig = 1 }).Delete(prompt: false, PartIntegrity.Ignore), Is.EqualTo(1));
        Assert.That(Schema.Table<Sitting>().Count(), Is.EqualTo(4));
        Assert.That(await (Schema.Table<Rig>() & new { rig = 2 }).DeleteAsync(prompt: false, PartIntegrity.Cascade), Is.EqualTo(1));
        Assert.That(Schema.Table<Sitting>().Count(), Is.EqualTo(2));
        Assert.Throws<ArgumentException>(() => Schema.Table<Sitting.RigUse>().Drop(prompt: false, PartIntegrity.Cascade));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schema.Table<Rig>().Delete(prompt: false, (PartIntegrity)7));
        Assert.That(Schema.Table<Sitting.RigUse>().Drop(prompt: false, PartIntegrity.Ignore), Is.True);
    }

    [Test]
    public void CascadeThatReachesNoPartRowsDeletesNoMaster()
    {
        FillSittings();
        Schema.Table<Rig>().Insert1(new Rig.Row { Rig = 3 });
        Assert.That((Schema.Table<Rig>() & new { rig = 3 }).Delete(prompt: false, partIntegrity: "cascade"), Is.EqualTo(1));
        Assert.That(Schema.Table<Sitting>().Count(), Is.EqualTo(4));
        Assert.That(Schema.Table<Sitting.RigUse>().Count(), Is.EqualTo(4));
    }

    [Test]
    public void DropOfALonePartNeedsIgnoreAndCascadeIsNotAnOption()
    {
        Fill();
        var channel = Schema.Table<Recording.Channel>();
        Assert.That(Assert.Throws<DataJointException>(() => channel.Drop(prompt: false))!.Message, Does.Contain("without its master"));
        Assert.Throws<ArgumentException>(() => channel.Drop(prompt: false, partIntegrity: "cascade"));
        Assert.That(channel.Drop(prompt: false, partIntegrity: "ignore"), Is.True);
        Assert.That(Schema.ListTables(), Does.Not.Contain("recording__channel").And.Not.Contain("spike"));
        Assert.That(Schema.ListTables(), Does.Contain("recording"));
    }

    [Test]
    public void DroppingTheLastTableOfAnEnumValueSetDropsItsPostgreSqlTypeAndNotBefore()
    {
        var mood = Schema.Table<Mood>();
        var other = Schema.Table<OtherMood>();
        mood.Insert1(new Mood.Row { MoodId = 1, Mood = "calm" });
        int EnumTypes() => Backend == Backend.MySql ? 0 : Convert.ToInt32(Instance.Connection.Query(
            "SELECT count(*) AS n FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typtype = 'e'",
            Schema.Name)[0]["n"], System.Globalization.CultureInfo.InvariantCulture);
        var expected = Backend == Backend.MySql ? 0 : 1;
        Assert.That(EnumTypes(), Is.EqualTo(expected), "one shared type for the value set");

        Assert.That(mood.Drop(prompt: false), Is.True);
        Assert.That(EnumTypes(), Is.EqualTo(expected), "still used by the other table");
        other.Insert1(new OtherMood.Row { OtherMoodId = 1, Mood = "busy" });
        Assert.That(other.Fetch().Single().Mood, Is.EqualTo("busy"));

        Assert.That(other.Drop(prompt: false), Is.True);
        Assert.That(EnumTypes(), Is.Zero, "no table uses the value set any more");
    }
}
