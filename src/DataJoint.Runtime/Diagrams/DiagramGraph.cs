namespace DataJoint;

/// <summary>
/// The tables and foreign keys a diagram can show, read from the database once: every table of the diagram's schemas and
/// every table a foreign key links them to (across schemas), each with its primary key.
/// </summary>
internal sealed class DiagramGraph
{
    private DiagramGraph(Connection connection, DependencyGraph dependencies, IReadOnlyDictionary<TableName, IReadOnlyList<string>> primaryKeys)
    {
        Connection = connection;
        Dependencies = dependencies;
        PrimaryKeys = primaryKeys;
    }

    public Connection Connection { get; }

    public DependencyGraph Dependencies { get; }

    /// <summary>Every table of the graph with its primary-key columns.</summary>
    public IReadOnlyDictionary<TableName, IReadOnlyList<string>> PrimaryKeys { get; }

    public bool Contains(TableName table) => PrimaryKeys.ContainsKey(table);

    /// <summary>The graph around <paramref name="schema"/> (its tables, and foreign keys upstream and downstream).</summary>
    public static async ValueTask<DiagramGraph> Around(Connection connection, string schema, bool sync, CancellationToken cancellationToken)
    {
        var dependencies = await DependencyGraph.LoadAround(connection, schema, sync, cancellationToken).ConfigureAwait(false);
        var tables = await ListTables(connection, schema, sync, cancellationToken).ConfigureAwait(false);
        return await Of(connection, dependencies, tables, sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The graph of <paramref name="tables"/> and every table in <paramref name="dependencies"/>.</summary>
    public static async ValueTask<DiagramGraph> Of(Connection connection, DependencyGraph dependencies, IEnumerable<TableName> tables,
        bool sync, CancellationToken cancellationToken)
    {
        var nodes = tables.Concat(dependencies.Tables).ToHashSet();
        var keys = new Dictionary<TableName, IReadOnlyList<string>>();
        foreach (var schema in nodes.Select(n => n.Schema).Distinct(StringComparer.Ordinal))
        {
            var rows = await SyncOrAsync.ReadAll(connection, new SqlStatement(connection.Adapter.PrimaryKeyColumns, [schema]),
                $"Reading the primary keys of schema `{schema}`", r => (Table: r.GetString(0), Column: r.GetString(1)), sync, cancellationToken).ConfigureAwait(false);
            foreach (var group in rows.GroupBy(r => r.Table, StringComparer.Ordinal))
            {
                var name = new TableName(schema, group.Key);
                if (nodes.Contains(name)) keys[name] = group.Select(r => r.Column).ToList();
            }
        }

        foreach (var node in nodes) keys.TryAdd(node, []);
        return new DiagramGraph(connection, dependencies, keys);
    }

    /// <summary>The user tables of a schema (the hidden <c>~</c> tables left out).</summary>
    public static async ValueTask<List<TableName>> ListTables(Connection connection, string schema, bool sync, CancellationToken cancellationToken)
    {
        var names = await SyncOrAsync.ReadAll(connection, new SqlStatement(connection.Adapter.ListTables, [schema]),
            $"Listing tables of `{schema}`", r => r.GetString(0), sync, cancellationToken).ConfigureAwait(false);
        return names.Where(n => !n.StartsWith('~')).Select(n => new TableName(schema, n)).ToList();
    }

    /// <summary>A graph with the tables and foreign keys of both.</summary>
    public DiagramGraph Union(DiagramGraph other)
    {
        if (ReferenceEquals(this, other)) return this;
        if (!ReferenceEquals(Connection, other.Connection))
        {
            throw new ArgumentException("Diagrams on different connections cannot be combined.", nameof(other));
        }

        var keys = new Dictionary<TableName, IReadOnlyList<string>>(PrimaryKeys);
        foreach (var (table, key) in other.PrimaryKeys) keys.TryAdd(table, key);
        return new DiagramGraph(Connection, Dependencies.Union(other.Dependencies), keys);
    }

    /// <summary>Tables one foreign key away from <paramref name="tables"/>, downstream or upstream.</summary>
    public IEnumerable<TableName> Neighbours(IEnumerable<TableName> tables, bool downstream) => tables.SelectMany(t => downstream
        ? Dependencies.ChildrenOf(t).Select(e => e.Child)
        : Dependencies.ParentsOf(t).Select(e => e.Parent)).Where(Contains);

    /// <summary>DataJoint's tier of a table, from its name: <c>#</c> lookup, <c>__</c> computed, <c>_</c> imported, <c>master__part</c>.</summary>
    public static TableTier TierOf(TableName table) =>
        table.Master is not null ? TableTier.Part
        : table.Table.StartsWith('#') ? TableTier.Lookup
        : table.Table.StartsWith("__", StringComparison.Ordinal) ? TableTier.Computed
        : table.Table.StartsWith('_') ? TableTier.Imported
        : TableTier.Manual;

    /// <summary>The class name DataJoint gives a table (<c>#letter_grade</c> → <c>LetterGrade</c>, <c>session__trial</c> → <c>Session.Trial</c>).</summary>
    public static string ClassNameOf(TableName table) => string.Join(".", table.Table.TrimStart('#', '_')
        .Split("__", StringSplitOptions.RemoveEmptyEntries).Select(DataJoint.Definition.Naming.SnakeToPascal));
}
