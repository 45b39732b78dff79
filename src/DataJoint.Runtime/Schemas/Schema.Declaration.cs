namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// Runs a table's DDL as one unit: PostgreSQL needs several statements (types, CREATE TABLE, COMMENT ON with the
    /// <c>:type:</c> markers, indexes) and runs them in one transaction, so another process never sees the table
    /// without its markers. When another process declares the same table at the same moment, its table is used.
    /// </summary>
    private async ValueTask ExecuteDeclaration(TableDefinition definition, IReadOnlyList<string> statements, bool sync, CancellationToken cancellationToken)
    {
        var context = $"Declaring {definition.ClassName}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SyncOrAsync.ExecuteAsUnit(Connection, statements, context, sync, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (QueryException)
            {
                // Declared concurrently by another connection: the caller validates its table. A concurrent declaration of a
                // shared object (an enum type) can fail once; the retry sees it declared.
                if (await TableExists(definition.TableName, sync, cancellationToken).ConfigureAwait(false)) return;
                if (attempt > 1) throw;
            }
        }
    }

    private async ValueTask<bool> TableExists(string table, bool sync, CancellationToken cancellationToken) =>
        await SyncOrAsync.ReadScalar<long>(Connection, new SqlStatement(Connection.Adapter.TableExists, [Name, table]), $"Checking table {table}", sync,
            cancellationToken).ConfigureAwait(false) == 1;
}
