namespace DataJoint.Benchmarks.Fetching;

[Definition("""
    item_id : int32
    ---
    label   : varchar(32)
    value   : float64
    created : date
    """)]
public partial class FetchItem : Manual;

/// <summary>A user record for <c>Fetch&lt;TRecord&gt;</c> (compiled mapper path).</summary>
public sealed record FetchItemRecord(int ItemId, string Label, double Value, DateOnly Created);
