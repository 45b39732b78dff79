using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Populate;

/// <summary><c>schema.Jobs()</c>: the job tables of a schema's auto-populated tables, bound or found in the database.</summary>
public sealed class SchemaJobsTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void BoundAutoPopulatedTablesGiveTheirOwnJobTablesAndNothingIsDeclared()
    {
        Schema.Table<Other>();
        var doubled = Schema.Table<Doubled>();
        var loaded = Schema.Table<Loaded>();
        var split = Schema.Table<Split>();
        Schema.Table<Split.Piece>();

        var jobs = Schema.Jobs();

        Assert.That(jobs.Select(j => j.SqlTableName), Is.EquivalentTo(new[] { "~~doubled", "~~loaded", "~~split" }),
            "Computed and Imported tables only: no Manual table, no part");
        Assert.That(jobs.Single(j => j.SqlTableName == "~~doubled"), Is.SameAs(doubled.Jobs));
        Assert.That(jobs.Single(j => j.SqlTableName == "~~loaded").Target, Is.SameAs(loaded));
        Assert.That(jobs.Single(j => j.SqlTableName == "~~split").Target, Is.SameAs(split));
        foreach (var name in new[] { "~~doubled", "~~loaded", "~~split" })
        {
            Assert.That(Schema.Connection.Query(TableExistsSql, Schema.Name, name), Is.Empty, $"listing declares nothing ({name})");
        }
    }

    [Test]
    public async Task JobTablesInTheDatabaseOfUnboundTablesAreListedAndWorkAsync()
    {
        Schema.Table<Source>().Insert(Enumerable.Range(1, 3).Select(i => new Source.Row { SourceId = i, Value = i }));
        Schema.Table<Other>().Insert(Enumerable.Range(1, 2).Select(i => new Other.Row { OtherId = i }));
        Assert.That(Schema.Table<Pairing>().Jobs.Refresh().Added, Is.EqualTo(6));
        Assert.That(Schema.Table<Renamed>().Jobs.Refresh().Added, Is.EqualTo(3));
        Schema.Table<EvenOnly>();

        var elsewhere = await NewInstance().SchemaAsync(Schema.Name, createSchema: false);
        var jobs = await elsewhere.JobsAsync();

        Assert.That(jobs.Select(j => j.SqlTableName), Is.EquivalentTo(new[] { "~~pairing", "~~renamed" }),
            "an unbound computed table without a job table (even_only) is not listed");
        var pairing = jobs.Single(j => j.SqlTableName == "~~pairing");
        var renamed = jobs.Single(j => j.SqlTableName == "~~renamed");
        Assert.That(pairing.Target, Is.TypeOf<FreeTable>());
        Assert.That(pairing.Target.SqlTableName, Is.EqualTo("__pairing"));
        Assert.That(pairing.Schema, Is.SameAs(elsewhere));
        Assert.That(pairing.PrimaryKey, Is.EqualTo(new[] { "source_id", "other_id" }));
        Assert.That(renamed.PrimaryKey, Is.EqualTo(new[] { "origin_id" }));
        Assert.That(await pairing.Pending.CountAsync(), Is.EqualTo(6));

        Schema.Table<Source>().Insert1(new Source.Row { SourceId = 4, Value = 4 });
        Assert.That((await pairing.RefreshAsync()).Added, Is.EqualTo(2), "the default key source: Source * Other");
        Assert.That((await renamed.RefreshAsync()).Added, Is.EqualTo(1), "the default key source: Source.Proj(origin_id = source_id)");
        Assert.That(await pairing.ReserveAsync(new { source_id = 4, other_id = 2 }), Is.True);
        var progress = await pairing.ProgressAsync();
        Assert.That((progress.Pending, progress.Reserved), Is.EqualTo((7L, 1L)));
        Assert.That(Schema.Table<Pairing>().Jobs.Reserved.Count(), Is.EqualTo(1), "the same queue as the bound class's");
    }

    [Test]
    public void AnUnboundJobTableIsListedBesideTheBoundOnesInOrder()
    {
        Schema.Table<Source>().Insert1(new Source.Row { SourceId = 1, Value = 1 });
        Schema.Table<Doubled>().Jobs.Declare();
        var elsewhere = NewInstance().Schema(Schema.Name, createSchema: false);
        var loaded = elsewhere.Table<Loaded>();

        var jobs = elsewhere.Jobs();

        Assert.That(jobs.Select(j => j.SqlTableName), Is.EquivalentTo(new[] { "~~doubled", "~~loaded" }));
        Assert.That(jobs.Single(j => j.SqlTableName == "~~loaded"), Is.SameAs(loaded.Jobs), "bound: listed though not declared yet");
        var doubled = jobs.Single(j => j.SqlTableName == "~~doubled");
        Assert.That(doubled.Target, Is.TypeOf<FreeTable>());
        Assert.That(doubled.Refresh().Added, Is.EqualTo(1));
        Assert.That(Schema.Table<Doubled>().Jobs.Pending.Count(), Is.EqualTo(1));
    }
}
