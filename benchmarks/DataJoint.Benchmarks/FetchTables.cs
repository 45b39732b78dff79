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

/// <summary>The rows the fetch and insert benchmarks use.</summary>
public static class FetchItemData
{
    /// <summary>The raw baselines' reader loop: every row of <c>SELECT item_id, label, value, created</c> into records.</summary>
    public static List<FetchItemRecord> ReadRecords(System.Data.Common.DbDataReader reader)
    {
        var rows = new List<FetchItemRecord>();
        while (reader.Read())
        {
            rows.Add(new FetchItemRecord(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), reader.GetFieldValue<DateOnly>(3)));
        }

        return rows;
    }

    public static FetchItem.Row[] Create(int count, int firstId = 1)
    {
        var start = new DateOnly(2020, 1, 1);
        return Enumerable.Range(firstId, count).Select(i => new FetchItem.Row
        {
            ItemId = i, Label = "item " + i, Value = i * 0.5, Created = start.AddDays(i % 1000),
        }).ToArray();
    }
}
