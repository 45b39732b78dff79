namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Drops this table and every table that depends on it (across schemas), children first (docs/semantics.md#drop).
    /// With safe mode on and <paramref name="prompt"/> not false, <see cref="Config.Confirm"/> is asked first.
    /// </summary>
    /// <param name="prompt">Ask before dropping; null uses the connection's safe mode.</param>
    /// <param name="partIntegrity"><c>enforce</c> (default): dropping a part table without its master is an error;
    /// <c>ignore</c>: allowed.</param>
    /// <returns>True when the tables were dropped; false when the confirmation was refused.</returns>
    /// <exception cref="DataJointException">The table is restricted, or a part table would be dropped without its master.</exception>
    /// <remarks>On PostgreSQL the enum types the dropped tables used are dropped too once no other column uses them.</remarks>
    public bool Drop(bool? prompt = null, string partIntegrity = "enforce") => Drop(prompt, ParsePartIntegrity(partIntegrity, allowCascade: false));

    /// <summary>As <see cref="Drop(bool?, string)"/> with the typed <see cref="DataJoint.PartIntegrity"/> (<c>Cascade</c> does not apply to drops).</summary>
    public bool Drop(bool? prompt, PartIntegrity partIntegrity) => SyncOrAsync.Wait(DropCore(prompt, partIntegrity, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Drop(bool?, string)"/>.</summary>
    public Task<bool> DropAsync(bool? prompt = null, string partIntegrity = "enforce", CancellationToken cancellationToken = default) =>
        DropAsync(prompt, ParsePartIntegrity(partIntegrity, allowCascade: false), cancellationToken);

    /// <summary>Asynchronous <see cref="Drop(bool?, PartIntegrity)"/>.</summary>
    public Task<bool> DropAsync(bool? prompt, PartIntegrity partIntegrity, CancellationToken cancellationToken = default) =>
        DropCore(prompt, partIntegrity, sync: false, cancellationToken).AsTask();

    private async ValueTask<bool> DropCore(bool? prompt, PartIntegrity partIntegrity, bool sync, CancellationToken cancellationToken)
    {
        if (partIntegrity is not (PartIntegrity.Enforce or PartIntegrity.Ignore))
        {
            throw new ArgumentException($"partIntegrity must be Enforce or Ignore for Drop, not {partIntegrity}.", nameof(partIntegrity));
        }

        if (IsRestricted)
        {
            throw new DataJointException($"A restricted table cannot be dropped: drop {FullTableName} itself, or use Delete to remove rows.");
        }

        var connection = Connection;
        var seed = new TableName(Schema.Name, SqlTableName);
        var graph = await DependencyGraph.LoadDownstream(connection, Schema.Name, sync, cancellationToken).ConfigureAwait(false);
        var order = graph.DescendantsInTopologicalOrder(seed);
        var dropped = order.ToHashSet();
        foreach (var table in order)
        {
            if (partIntegrity == PartIntegrity.Enforce && table.Master is { } master && !dropped.Contains(master))
            {
                throw new DataJointException($"Cannot drop part table {table} without its master {master}: drop the master instead, "
                    + "or pass partIntegrity: \"ignore\".");
            }
        }

        var ask = prompt ?? connection.Config.SafeMode;
        if (ask && !connection.Config.Confirm($"Drop {string.Join(", ", order)}?")) return false;
        var adapter = connection.Adapter;
        var types = new HashSet<(string Schema, string Type)>();
        foreach (var table in order.Reverse())
        {
            if (adapter.DroppableTypesOfTable is { } typesQuery)
            {
                types.UnionWith(await SyncOrAsync.ReadAll(connection, new SqlStatement(typesQuery, [table.Schema, table.Table]),
                    $"Reading the column types of {table}", r => (r.GetString(0), r.GetString(1)), sync, cancellationToken).ConfigureAwait(false));
            }

            await SyncOrAsync.Execute(connection, new SqlStatement($"DROP TABLE {adapter.QualifiedName(table.Schema, table.Table)}", []),
                $"Dropping {table}", sync, cancellationToken).ConfigureAwait(false);
            await LineageTable.Remove(connection, table.Schema, table.Table, sync, cancellationToken).ConfigureAwait(false);
            connection.ForgetTable(table.Schema, table.Table);
            await JobTable.DropQueueOf(connection, table.Schema, table.Table, sync, cancellationToken).ConfigureAwait(false);
            if (table.Schema == Schema.Name) Schema.Forget(table.Table);
        }

        foreach (var (schema, type) in types)
        {
            await SyncOrAsync.Execute(connection, new SqlStatement(adapter.DropTypeIfUnused(schema, type), []), $"Dropping the unused type {schema}.{type}",
                sync, cancellationToken).ConfigureAwait(false);
        }

        SchemaLog.TablesDropped(SchemaLog.For(connection.DataJointLoggers), string.Join(", ", order));
        return true;
    }
}
