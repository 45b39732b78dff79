namespace DataJoint;

/// <summary>
/// Marks the async flow running a table's <c>Make</c> for one key, where inserts into that table are allowed and
/// <see cref="AutoPopulated.Upstream()"/> traces that key's rows; notes whether an insert there wrote the row of the key
/// being made (so populate need not ask the server whether it did).
/// </summary>
internal static class MakeScope
{
    private static readonly AsyncLocal<State?> Current = new();

    public static bool IsInsideMake(Table table) => Of(table) is not null;

    /// <summary>The state of <paramref name="table"/>'s Make running in this flow, or null.</summary>
    public static State? Of(Table table) =>
        Current.Value is { } state && string.Equals(state.Table.FullTableName, table.FullTableName, StringComparison.Ordinal)
        && ReferenceEquals(state.Table.Connection, table.Connection) ? state : null;

    /// <summary>Enters the scope of making <paramref name="key"/> in <paramref name="table"/>; dispose to leave it.</summary>
    public static Scope Enter(Table table, IRecord key)
    {
        var previous = Current.Value;
        var state = new State(table, key, new Dictionary<string, object?>(key.GetAttributeValues(), StringComparer.Ordinal));
        Current.Value = state;
        return new Scope(state, previous);
    }

    /// <summary>
    /// Called after rows (values in <paramref name="heading"/> order) were written to <paramref name="table"/>: notes whether
    /// one of them carries the key of the Make in progress.
    /// </summary>
    public static void Wrote(Table table, Heading heading, IReadOnlyList<object?[]> rows)
    {
        if (Of(table) is not { InsertedKey: false } state) return;
        foreach (var row in rows)
        {
            if (Carries(heading, row, state.KeyValues))
            {
                state.InsertedKey = true;
                return;
            }
        }
    }

    private static bool Carries(Heading heading, object?[] row, IReadOnlyDictionary<string, object?> key)
    {
        var names = heading.Names;
        var matched = 0;
        for (var i = 0; i < names.Count && i < row.Length; i++)
        {
            if (!key.TryGetValue(names[i], out var value)) continue;
            // Only values of the same type that are equal count; anything else leaves the question to the server.
            if (value is null || !value.Equals(row[i])) return false;
            matched++;
        }

        return matched == key.Count;
    }

    /// <summary>The Make in progress: its table, its key, whether the key's row was written, and the key's trace once read.</summary>
    internal sealed class State(Table table, IRecord key, IReadOnlyDictionary<string, object?> keyValues)
    {
        public Table Table { get; } = table;

        public IRecord Key { get; } = key;

        public IReadOnlyDictionary<string, object?> KeyValues { get; } = keyValues;

        public bool InsertedKey { get; set; }

        public Diagram? Upstream { get; set; }
    }

    /// <summary>The scope of one Make; dispose to leave it.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly State _state;
        private readonly State? _previous;

        internal Scope(State state, State? previous)
        {
            _state = state;
            _previous = previous;
        }

        /// <summary>Whether an insert in this scope wrote a row with the key being made (false: unknown, ask the server).</summary>
        public bool InsertedKey => _state.InsertedKey;

        public void Dispose() => Current.Value = _previous;
    }
}
