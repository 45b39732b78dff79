using System.Collections.Concurrent;

namespace DataJoint.Tests.Faults;

[Definition("""
    item_id : int32
    ---
    label : varchar(64)
    """)]
public partial class Item : Manual;

[Definition("""
    -> Item
    note_idx : int32
    ---
    note : varchar(64)
    """)]
public partial class ItemNote : Manual;

/// <summary>Made per item; a test can hook into Make (to kill its session) and count the calls per key.</summary>
[Definition("""
    -> Item
    ---
    label_length : int32
    """)]
public partial class ItemLength : Computed
{
    public static readonly ConcurrentDictionary<string, Action<Connection, int>> Hooks = new();

    public static readonly ConcurrentDictionary<string, int> Calls = new();

    void Make(Key key)
    {
        Calls.AddOrUpdate($"{Schema.Name}/{key.ItemId}", 1, (_, n) => n + 1);
        if (Hooks.TryGetValue(Schema.Name, out var hook)) hook(Connection, key.ItemId);
        var item = (Schema.Table<Item>() & key).Fetch1();
        Insert1(new Row { ItemId = key.ItemId, LabelLength = item.Label.Length });
    }

    public static IReadOnlyDictionary<int, int> CallsIn(Schema schema) => Calls
        .Where(kv => kv.Key.StartsWith(schema.Name + "/", StringComparison.Ordinal))
        .ToDictionary(kv => int.Parse(kv.Key[(schema.Name.Length + 1)..]), kv => kv.Value);
}
