using DataJoint;

namespace Workers;

[Definition("""
    # Work items
    item_id : int32
    ---
    value : int32
    """)]
public partial class Item : Manual;

[Definition("""
    # The square of each item, and which worker process made it
    -> Item
    ---
    square : int64
    worker_pid : int32
    """)]
public partial class Square : Computed
{
    /// <summary>Key whose Make inserts its row and then hangs (to show a killed worker leaves no half-written key).</summary>
    internal static int? HangOn { get; set; }

    void Make(Key key)
    {
        // Printed before the commit: a key made twice (by two workers, or again after a rollback) would show twice.
        Console.Out.WriteLine($"made {key.ItemId} by {Environment.ProcessId}");
        Console.Out.Flush();
        var item = (Schema.Table<Item>() & key).Fetch1();
        Insert1(new Row { ItemId = key.ItemId, Square = (long)item.Value * item.Value, WorkerPid = Environment.ProcessId });
        if (HangOn == key.ItemId)
        {
            Console.Out.WriteLine($"hanging {key.ItemId}");
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }

        Thread.Sleep(Random.Shared.Next(2, 10));
    }
}
