namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Drops this table and every table that depends on it (across schemas), children first (feature map §5.5).
    /// With safe mode on and <paramref name="prompt"/> not false, <see cref="Config.Confirm"/> is asked first.
    /// </summary>
    /// <returns>True when the tables were dropped; false when the confirmation was refused.</returns>
    /// <exception cref="DataJointException">The table is restricted, or a part table would be dropped without its master.</exception>
    public bool Drop(bool? prompt = null)
    {
        if (IsRestricted)
        {
            throw new DataJointException($"A restricted table cannot be dropped: drop {FullTableName} itself, or use Delete to remove rows.");
        }

        var connection = Connection;
        var seed = new TableName(Schema.Name, SqlTableName);
        var order = DependencyGraph.LoadDownstream(connection, Schema.Name).DescendantsInTopologicalOrder(seed);
        var dropped = order.ToHashSet();
        foreach (var table in order)
        {
            if (table.Master is { } master && !dropped.Contains(master))
            {
                throw new DataJointException($"Cannot drop part table {table} without its master {master}: drop the master instead.");
            }
        }

        var ask = prompt ?? connection.Config.SafeMode;
        if (ask && !connection.Config.Confirm($"Drop {string.Join(", ", order)}?")) return false;
        foreach (var table in order.Reverse())
        {
            connection.Execute(new SqlStatement($"DROP TABLE {connection.Adapter.QualifiedName(table.Schema, table.Table)}", []),
                $"Dropping {table}");
            LineageTable.Remove(connection, table.Schema, table.Table);
            if (table.Schema == Schema.Name) Schema.Forget(table.Table);
        }

        return true;
    }
}
