using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Faults;

/// <summary>Job reservations whose worker's session is gone are free again at the next refresh or populate.</summary>
public sealed class ReclaimTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void AReservationOfAGoneWorkerIsMadeByTheNextPopulate()
    {
        var items = Schema.Table<Item>();
        items.Insert(Enumerable.Range(1, 20).Select(i => new Item.Row { ItemId = i, Label = "x" }));
        var lengths = Schema.Table<ItemLength>();
        lengths.Jobs.Refresh();

        // Another worker reserves key 4 and dies (its pool closes, so its session ends) before making it.
        using (var gone = NewInstance())
        {
            Assert.That(gone.Schema(Schema.Name).Table<ItemLength>().Jobs.Reserve(new { item_id = 4 }), Is.True);
        }

        var live = NewInstance();
        var liveJobs = live.Schema(Schema.Name).Table<ItemLength>().Jobs;
        Assert.That(liveJobs.Reserve(new { item_id = 5 }), Is.True, "a live worker's reservation (its pooled session stays open)");

        var result = lengths.Populate(new PopulateOptions { ReserveJobs = true });

        Assert.That(result.SuccessCount, Is.EqualTo(19), "every key but the live worker's");
        Assert.That(ItemLength.CallsIn(Schema).ContainsKey(4), Is.True, "the gone worker's key was reclaimed and made");
        Assert.That(ItemLength.CallsIn(Schema).ContainsKey(5), Is.False, "the live worker's key was left alone");
        Assert.That(lengths.Jobs.Reserved.ToDicts().Select(r => Convert.ToInt32(r["item_id"])), Is.EqualTo(new[] { 5 }));
    }

    [Test]
    public void ReclaimWithoutRefreshFreesOnlyGoneSessions()
    {
        var items = Schema.Table<Item>();
        items.Insert(Enumerable.Range(1, 3).Select(i => new Item.Row { ItemId = i, Label = "x" }));
        var lengths = Schema.Table<ItemLength>();
        lengths.Jobs.Refresh();
        using (var gone = NewInstance()) gone.Schema(Schema.Name).Table<ItemLength>().Jobs.Reserve(new { item_id = 1 });
        Assert.That(lengths.Jobs.Reserve(new { item_id = 2 }), Is.True);

        // The server ends a closed session within moments.
        var reclaimed = 0;
        for (var i = 0; i < 50 && reclaimed == 0; i++, Thread.Sleep(20)) reclaimed = lengths.Jobs.Reclaim();
        Assert.That(reclaimed, Is.EqualTo(1));
        Assert.That(lengths.Jobs.Progress().Reserved, Is.EqualTo(1));
    }
}
