namespace DataJoint;

/// <summary>Marks the async flow running a table's <c>Make</c>, where inserts into that table are allowed.</summary>
internal static class MakeScope
{
    private static readonly AsyncLocal<Table?> Current = new();

    public static bool IsInsideMake(Table table) =>
        Current.Value is { } t && string.Equals(t.FullTableName, table.FullTableName, StringComparison.Ordinal)
        && ReferenceEquals(t.Connection, table.Connection);

    /// <summary>Enters the scope; dispose to leave it.</summary>
    public static IDisposable Enter(Table table)
    {
        var previous = Current.Value;
        Current.Value = table;
        return new Exit(previous);
    }

    private sealed class Exit(Table? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
