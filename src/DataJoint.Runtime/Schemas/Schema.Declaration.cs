namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// Runs a table's DDL as one unit: PostgreSQL needs several statements (types, CREATE TABLE, COMMENT ON with the
    /// <c>:type:</c> markers, indexes) and runs them in one transaction, so another process never sees the table
    /// without its markers. When another process declares the same table at the same moment, its table is used.
    /// </summary>
    private void ExecuteDeclaration(TableDefinition definition, IReadOnlyList<string> statements)
    {
        var context = $"Declaring {definition.ClassName}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (statements.Count == 1)
                {
                    Connection.Execute(new SqlStatement(statements[0], []), context);
                    return;
                }

                using var transaction = Connection.Transaction();
                foreach (var statement in statements) Connection.Execute(new SqlStatement(statement, []), context);
                transaction.Commit();
                return;
            }
            catch (QueryException) when (TableExists(definition.TableName))
            {
                return; // declared concurrently by another connection; the caller validates it
            }
            catch (QueryException) when (attempt == 1)
            {
                // A concurrent declaration of a shared object (an enum type) can fail once; the retry sees it declared.
            }
        }
    }

    private bool TableExists(string table) =>
        Connection.ReadScalar<long>(new SqlStatement(Connection.Adapter.TableExists, [Name, table]), $"Checking table {table}") == 1;
}
