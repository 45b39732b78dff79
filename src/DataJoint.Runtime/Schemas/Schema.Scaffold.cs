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

public sealed partial class Schema
{
    /// <summary>
    /// C# source with a typed <c>[Definition]</c> class for every table of this schema (docs/existing-schemas.md#scaffolding),
    /// in <paramref name="targetNamespace"/>: compiled with the DataJoint generator, the classes bind to these tables.
    /// </summary>
    /// <param name="targetNamespace">The namespace of the classes.</param>
    /// <param name="upstreamNamespaces">For each other schema that holds a parent, the namespace its own scaffolded classes are in.</param>
    /// <exception cref="ArgumentException">A parent lives in a schema <paramref name="upstreamNamespaces"/> does not name.</exception>
    public string Scaffold(string targetNamespace, IReadOnlyDictionary<string, string>? upstreamNamespaces = null) =>
        SyncOrAsync.Wait(ScaffoldCore(targetNamespace, upstreamNamespaces, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Scaffold"/>.</summary>
    public async Task<string> ScaffoldAsync(string targetNamespace, IReadOnlyDictionary<string, string>? upstreamNamespaces = null,
        CancellationToken cancellationToken = default) =>
        await ScaffoldCore(targetNamespace, upstreamNamespaces, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// As <see cref="Scaffold"/>, one file per table that is not a part (its parts nested in it): file name (<c>Session.cs</c>,
    /// the class name) → source. <c>dotnet dj scaffold</c> writes these.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Scaffold"/>.</exception>
    public IReadOnlyDictionary<string, string> ScaffoldFiles(string targetNamespace, IReadOnlyDictionary<string, string>? upstreamNamespaces = null) =>
        SyncOrAsync.Wait(ScaffoldFilesCore(targetNamespace, upstreamNamespaces, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ScaffoldFiles"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ScaffoldFilesAsync(string targetNamespace,
        IReadOnlyDictionary<string, string>? upstreamNamespaces = null, CancellationToken cancellationToken = default) =>
        await ScaffoldFilesCore(targetNamespace, upstreamNamespaces, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<string> ScaffoldCore(string targetNamespace, IReadOnlyDictionary<string, string>? upstreamNamespaces, bool sync,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetNamespace);
        var tables = await ReadUserTables(sync, cancellationToken).ConfigureAwait(false);
        return ClassScaffolder.Write(Name, tables, targetNamespace, upstreamNamespaces ?? new Dictionary<string, string>());
    }

    private async ValueTask<IReadOnlyDictionary<string, string>> ScaffoldFilesCore(string targetNamespace,
        IReadOnlyDictionary<string, string>? upstreamNamespaces, bool sync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetNamespace);
        var tables = await ReadUserTables(sync, cancellationToken).ConfigureAwait(false);
        return ClassScaffolder.WriteFiles(Name, tables, targetNamespace, upstreamNamespaces ?? new Dictionary<string, string>());
    }

    /// <summary>Every user table of the schema read back into DataJoint terms, parents first.</summary>
    private async ValueTask<List<ExistingTable>> ReadUserTables(bool sync, CancellationToken cancellationToken)
    {
        var names = await ListTablesCore(sync, cancellationToken).ConfigureAwait(false);
        var tables = new List<ExistingTable>();
        foreach (var name in names.Where(n => !TableNames.IsInternal(n)))
        {
            tables.Add(await ExistingTable.Read(Connection, Name, name, sync, cancellationToken).ConfigureAwait(false));
        }

        return tables;
    }
}
