namespace DataJoint;

/// <summary>
/// DataJoint 2.x's per-schema <c>~lineage</c> table (docs/semantics.md#hidden-tables, #lineage): for every attribute that has a lineage,
/// where it originated (<c>schema.table.attribute</c>). Written when a table is declared, read by <see cref="FreeTable"/>,
/// cleared when a table is dropped — so DataJoint-Python and this library understand each other's schemas.
/// Each operation has one body for both sync and async callers (<see cref="SyncOrAsync"/>).
/// </summary>
internal static class LineageTable
{
    public const string Name = "~lineage";

    public static async ValueTask<bool> Exists(Connection connection, string schema, bool sync, CancellationToken cancellationToken) =>
        await SyncOrAsync.ReadScalar<long>(connection, new SqlStatement(connection.Adapter.TableExists, [schema, Name]),
            $"Checking `{schema}`.`{Name}`", sync, cancellationToken).ConfigureAwait(false) == 1;

    public static void Write(Connection connection, string schema, string table, Heading heading) =>
        SyncOrAsync.Wait(Write(connection, schema, table, heading, sync: true, CancellationToken.None));

    /// <summary>
    /// Makes the rows of one table match its heading: upserts every attribute with a lineage and deletes the table's
    /// other rows. Safe when several processes bind the same table at once.
    /// </summary>
    public static async ValueTask Write(Connection connection, string schema, string table, Heading heading, bool sync, CancellationToken cancellationToken)
    {
        var adapter = connection.Adapter;
        var full = adapter.QualifiedName(schema, Name);
        if (!await Exists(connection, schema, sync, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await SyncOrAsync.Execute(connection, new SqlStatement(adapter.CreateLineageTable(full), []), $"Creating {full}", sync, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (QueryException)
            {
                // Created at the same moment by another connection (some servers report the race as a duplicate type).
                if (!await Exists(connection, schema, sync, cancellationToken).ConfigureAwait(false)) throw;
            }
        }

        // Several processes binding the same tables at once can deadlock on the index gaps; the rows are idempotent, so retry.
        var retry = TransientRetry.For(adapter);
        if (sync)
        {
            retry.Execute(() => SyncOrAsync.Wait(WriteRows(connection, schema, table, heading, sync: true, CancellationToken.None)));
        }
        else
        {
            await retry.ExecuteAsync(async token => await WriteRows(connection, schema, table, heading, sync: false, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask WriteRows(Connection connection, string schema, string table, Heading heading, bool sync, CancellationToken cancellationToken)
    {
        var adapter = connection.Adapter;
        var full = adapter.QualifiedName(schema, Name);
        var rows = heading.Attributes.Where(a => a.Lineage is not null).ToList();
        var stale = rows.Select(r => StatementBuilder.NotEqual("attribute_name", r.Name)).Prepend(StatementBuilder.Equal([("table_name", table)])).ToList();
        await SyncOrAsync.Execute(connection, StatementBuilder.Delete(adapter, full, stale), $"Updating {full}", sync, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return;
        var upsert = StatementBuilder.Insert(adapter, full, ["table_name", "attribute_name", "lineage"],
            rows.Select(r => (IReadOnlyList<object?>)[table, r.Name, r.Lineage]), ["table_name", "attribute_name"], InsertConflict.Replace);
        await SyncOrAsync.Execute(connection, upsert, $"Updating {full}", sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the stored lineage of an existing table is missing or differs from its heading (DataJoint's auto-heal).</summary>
    public static async ValueTask<bool> NeedsRefresh(Connection connection, string schema, string table, Heading heading, bool sync,
        CancellationToken cancellationToken)
    {
        var stored = await Read(connection, schema, table, sync, cancellationToken).ConfigureAwait(false);
        return stored is null || heading.Attributes.Any(a => a.Lineage is not null && stored.GetValueOrDefault(a.Name) != a.Lineage);
    }

    public static Dictionary<string, string>? Read(Connection connection, string schema, string table) =>
        SyncOrAsync.Wait(Read(connection, schema, table, sync: true, CancellationToken.None));

    /// <summary>The lineage of each attribute of a table, or null when the schema has no <c>~lineage</c> table.</summary>
    public static async ValueTask<Dictionary<string, string>?> Read(Connection connection, string schema, string table, bool sync,
        CancellationToken cancellationToken)
    {
        if (!await Exists(connection, schema, sync, cancellationToken).ConfigureAwait(false)) return null;
        var adapter = connection.Adapter;
        var sql = new SqlBuilder(adapter);
        sql.Append("SELECT ").Identifier("attribute_name").Append(", ").Identifier("lineage").Append(" FROM ")
            .Append(adapter.QualifiedName(schema, Name)).Append(" WHERE ").Identifier("table_name").Append(" = ").Parameter(table);
        var rows = await SyncOrAsync.ReadAll(connection, sql.Build(), $"Reading the lineage of {table}", r => (r.GetString(0), r.GetString(1)), sync,
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }

    public static async ValueTask Remove(Connection connection, string schema, string table, bool sync, CancellationToken cancellationToken)
    {
        if (!await Exists(connection, schema, sync, cancellationToken).ConfigureAwait(false)) return;
        var statement = StatementBuilder.Delete(connection.Adapter, connection.Adapter.QualifiedName(schema, Name), [StatementBuilder.Equal([("table_name", table)])]);
        await SyncOrAsync.Execute(connection, statement, $"Updating the lineage of `{schema}`", sync, cancellationToken).ConfigureAwait(false);
    }
}
