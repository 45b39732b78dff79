using System.Data.Common;

namespace DataJoint.Benchmarks.Comparison;

/// <summary>The raw driver baselines: a reader loop over a SELECT, and one statement on its own connection.</summary>
public static class RawQuery
{
    public static List<T> Read<T>(DbDataSource source, string sql, Func<DbDataReader, T> row)
    {
        using var connection = source.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    /// <summary>Each row as a name → value dictionary, the work <c>ToDicts()</c> does.</summary>
    public static List<Dictionary<string, object?>> Dictionaries(DbDataSource source, string sql) => Read(source, sql, reader =>
    {
        var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return row;
    });

    /// <summary>Runs <paramref name="statements"/> in one transaction and returns the rows they changed.</summary>
    public static int Execute(DbDataSource source, params string[] statements)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var changed = 0;
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            changed += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return changed;
    }
}
