namespace DataJoint;

public abstract partial class Table
{
    /// <summary>The tables this table's foreign keys refer to, each once (docs/semantics.md#dependencies), read from the database with their headings.</summary>
    /// <param name="primary">True: only parents referenced by primary-key attributes; false: only by secondary ones; null: all.</param>
    public IReadOnlyList<FreeTable> Parents(bool? primary = null) => SyncOrAsync.Wait(ParentsCore(primary, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Parents"/>.</summary>
    public async Task<IReadOnlyList<FreeTable>> ParentsAsync(bool? primary = null, CancellationToken cancellationToken = default) =>
        await ParentsCore(primary, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<FreeTable>> ParentsCore(bool? primary, bool sync, CancellationToken cancellationToken) =>
        Distinct((await ForeignKeysCore(upstream: true, primary, sync, cancellationToken).ConfigureAwait(false)).Select(k => k.Parent));

    /// <summary>The tables whose foreign keys refer to this table, each once, across schemas, read with their headings.</summary>
    /// <param name="primary">True: only children whose reference is part of their primary key; false: only secondary; null: all.</param>
    public IReadOnlyList<FreeTable> Children(bool? primary = null) => SyncOrAsync.Wait(ChildrenCore(primary, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Children"/>.</summary>
    public async Task<IReadOnlyList<FreeTable>> ChildrenAsync(bool? primary = null, CancellationToken cancellationToken = default) =>
        await ChildrenCore(primary, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<FreeTable>> ChildrenCore(bool? primary, bool sync, CancellationToken cancellationToken) =>
        Distinct((await ForeignKeysCore(upstream: false, primary, sync, cancellationToken).ConfigureAwait(false)).Select(k => k.Child));

    /// <summary>The foreign keys this table declares, with their attribute maps.</summary>
    /// <param name="primary">Filter as in <see cref="Parents"/>.</param>
    public IReadOnlyList<ForeignKeyInfo> ParentForeignKeys(bool? primary = null) =>
        SyncOrAsync.Wait(ForeignKeysCore(upstream: true, primary, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ParentForeignKeys"/>.</summary>
    public async Task<IReadOnlyList<ForeignKeyInfo>> ParentForeignKeysAsync(bool? primary = null, CancellationToken cancellationToken = default) =>
        await ForeignKeysCore(upstream: true, primary, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>The foreign keys that refer to this table, with their attribute maps.</summary>
    /// <param name="primary">Filter as in <see cref="Children"/>.</param>
    public IReadOnlyList<ForeignKeyInfo> ChildForeignKeys(bool? primary = null) =>
        SyncOrAsync.Wait(ForeignKeysCore(upstream: false, primary, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ChildForeignKeys"/>.</summary>
    public async Task<IReadOnlyList<ForeignKeyInfo>> ChildForeignKeysAsync(bool? primary = null, CancellationToken cancellationToken = default) =>
        await ForeignKeysCore(upstream: false, primary, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<ForeignKeyInfo>> ForeignKeysCore(bool upstream, bool? primary, bool sync, CancellationToken cancellationToken)
    {
        var self = new TableName(Schema.Name, SqlTableName);
        var graph = upstream
            ? await DependencyGraph.LoadUpstream(Connection, Schema.Name, sync, cancellationToken).ConfigureAwait(false)
            : await DependencyGraph.LoadDownstream(Connection, Schema.Name, sync, cancellationToken).ConfigureAwait(false);
        var bound = new Dictionary<TableName, FreeTable>();
        async ValueTask<FreeTable> Get(TableName name)
        {
            if (!bound.TryGetValue(name, out var table)) bound[name] = table = await Bind(name, sync, cancellationToken).ConfigureAwait(false);
            return table;
        }

        var keys = new List<ForeignKeyInfo>();
        foreach (var edge in upstream ? graph.ParentsOf(self) : graph.ChildrenOf(self))
        {
            var child = await Get(edge.Child).ConfigureAwait(false);
            var childKey = child.Heading.PrimaryKey;
            var isPrimary = edge.ChildColumns.All(childKey.Contains);
            if (primary is { } wanted && wanted != isPrimary) continue;
            var map = edge.ChildColumns.Zip(edge.ParentColumns, KeyValuePair.Create).ToList();
            keys.Add(new ForeignKeyInfo(child, await Get(edge.Parent).ConfigureAwait(false), map, isPrimary,
                Aliased: map.Any(p => p.Key != p.Value),
                Multi: !(edge.ChildColumns.Count == childKey.Count && isPrimary)));
        }

        return keys;
    }

    /// <summary>This table and every table it depends on, directly or not, parents first.</summary>
    public IReadOnlyList<FreeTable> Ancestors() => SyncOrAsync.Wait(LineCore(upstream: true, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Ancestors"/>.</summary>
    public async Task<IReadOnlyList<FreeTable>> AncestorsAsync(CancellationToken cancellationToken = default) =>
        await LineCore(upstream: true, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>This table and every table that depends on it, directly or not and across schemas, parents first.</summary>
    public IReadOnlyList<FreeTable> Descendants() => SyncOrAsync.Wait(LineCore(upstream: false, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Descendants"/>.</summary>
    public async Task<IReadOnlyList<FreeTable>> DescendantsAsync(CancellationToken cancellationToken = default) =>
        await LineCore(upstream: false, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<FreeTable>> LineCore(bool upstream, bool sync, CancellationToken cancellationToken)
    {
        var self = new TableName(Schema.Name, SqlTableName);
        var names = upstream
            ? (await DependencyGraph.LoadUpstream(Connection, Schema.Name, sync, cancellationToken).ConfigureAwait(false)).AncestorsInTopologicalOrder(self)
            : (await DependencyGraph.LoadDownstream(Connection, Schema.Name, sync, cancellationToken).ConfigureAwait(false)).DescendantsInTopologicalOrder(self);
        return await Bind(names, sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The part tables of this table (named <c>master__part</c> in its schema), by name.</summary>
    public IReadOnlyList<FreeTable> Parts() => SyncOrAsync.Wait(PartsCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Parts"/>.</summary>
    public async Task<IReadOnlyList<FreeTable>> PartsAsync(CancellationToken cancellationToken = default) =>
        await PartsCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<FreeTable>> PartsCore(bool sync, CancellationToken cancellationToken)
    {
        var self = new TableName(Schema.Name, SqlTableName);
        var tables = await SyncOrAsync.ReadAll(Connection, new SqlStatement(Connection.Adapter.ListTables, [Schema.Name]),
            $"Listing tables of `{Schema.Name}`", r => new TableName(Schema.Name, r.GetString(0)), sync, cancellationToken).ConfigureAwait(false);
        return await Bind(tables.Where(t => t.Master == self).OrderBy(t => t.Table, StringComparer.Ordinal), sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A handle on a related table with its heading read, so callers can compose it right away.</summary>
    private async ValueTask<FreeTable> Bind(TableName name, bool sync, CancellationToken cancellationToken)
    {
        var table = new FreeTable(Connection, Connection.Adapter.QualifiedName(name.Schema, name.Table));
        await table.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        return table;
    }

    private async ValueTask<List<FreeTable>> Bind(IEnumerable<TableName> names, bool sync, CancellationToken cancellationToken)
    {
        var tables = new List<FreeTable>();
        foreach (var name in names) tables.Add(await Bind(name, sync, cancellationToken).ConfigureAwait(false));
        return tables;
    }

    private static List<FreeTable> Distinct(IEnumerable<FreeTable> tables) =>
        tables.DistinctBy(t => t.FullTableName, StringComparer.Ordinal).ToList();
}
