namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// A table of this schema found by name, with its heading read: by its SQL name (<c>__session_stats</c>,
    /// <c>session__trial</c>) or by the class name DataJoint gives it (<c>SessionStats</c>, <c>Session.Trial</c>).
    /// </summary>
    /// <exception cref="MissingTableException">The schema has no such table (the message lists the tables it has).</exception>
    public FreeTable GetTable(string name) => SyncOrAsync.Wait(GetTableCore(name, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="GetTable"/>.</summary>
    public async Task<FreeTable> GetTableAsync(string name, CancellationToken cancellationToken = default) =>
        await GetTableCore(name, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<FreeTable> GetTableCore(string name, bool sync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var tables = await ListTablesCore(sync, cancellationToken).ConfigureAwait(false);
        var sqlName = tables.FirstOrDefault(t => t == name)
            ?? tables.FirstOrDefault(t => TableNames.ClassNameOf(t) == name)
            ?? throw new MissingTableException($"Schema `{Name}` has no table named {name} on the {Connection.Description}; it has: "
                + (tables.Count == 0 ? "no tables" : string.Join(", ", tables.Select(t => $"{TableNames.ClassNameOf(t)} ({t})"))) + ".");
        var table = new FreeTable(Connection, Connection.Adapter.QualifiedName(Name, sqlName));
        await table.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        return table;
    }
}
