namespace DataJoint;

/// <summary>
/// Marks the async flow running a table's <c>Make</c> for one key, where inserts into that table are allowed and
/// <see cref="AutoPopulated.Upstream()"/> traces that key's rows.
/// </summary>
internal static class MakeScope
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>The Make in progress: its table, its key, and the key's trace once read (built on first use).</summary>
    internal sealed class Scope(Table table, object key)
    {
        public Table Table { get; } = table;

        public object Key { get; } = key;

        public Diagram? Upstream { get; set; }
    }

    public static bool IsInsideMake(Table table) => Of(table) is not null;

    /// <summary>The scope of <paramref name="table"/>'s Make running in this flow, or null.</summary>
    public static Scope? Of(Table table) =>
        Current.Value is { } scope && string.Equals(scope.Table.FullTableName, table.FullTableName, StringComparison.Ordinal)
        && ReferenceEquals(scope.Table.Connection, table.Connection) ? scope : null;

    /// <summary>Enters the scope; dispose to leave it.</summary>
    public static IDisposable Enter(Table table, object key)
    {
        var previous = Current.Value;
        Current.Value = new Scope(table, key);
        return new Exit(previous);
    }

    private sealed class Exit(Scope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
