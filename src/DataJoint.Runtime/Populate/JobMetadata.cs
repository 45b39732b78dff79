namespace DataJoint;

/// <summary>
/// DataJoint's hidden job-metadata columns of an auto-populated table (docs/semantics.md#job-metadata): <c>_job_start_time</c>,
/// <c>_job_duration</c>, <c>_job_version</c>. As in DataJoint, populate fills them whenever the table has them,
/// whatever the settings say now; they are written after the key's commit.
/// </summary>
internal static class JobMetadata
{
    public static readonly string[] Columns = ["_job_start_time", "_job_duration", "_job_version"];

    /// <summary>Whether the table has all three columns (read from the server once per connection and table).</summary>
    public static async ValueTask<bool> Present(Table table, bool sync, CancellationToken cancellationToken)
    {
        if (table.Connection.TryRecall(table.Schema.Name, table.SqlTableName, TableFact.HasJobMetadata, out var present)) return present;
        var names = await SyncOrAsync.ReadAll(table.Connection, new SqlStatement(table.Connection.Adapter.ColumnsQuery, [table.Schema.Name, table.SqlTableName]),
            $"Reading the columns of {table.FullTableName}", r => r.GetString(0), sync, cancellationToken).ConfigureAwait(false);
        present = Columns.All(names.Contains);
        table.Connection.Remember(table.Schema.Name, table.SqlTableName, TableFact.HasJobMetadata, present);
        return present;
    }

    /// <summary>Records when the key's Make started, how long it took (seconds) and the code version.</summary>
    public static async ValueTask Write(AutoPopulated table, IRecord key, DateTime started, double seconds, string version, bool sync)
    {
        var adapter = table.Connection.Adapter;
        var keyTerms = key.GetAttributeValues().Select(p => (p.Key, adapter.ToDbValue(table.Heading[p.Key].Spec, p.Value))).ToList();
        var statement = StatementBuilder.Update(adapter, table.FullTableName,
            [(Columns[0], adapter.ToDbValue(started)), (Columns[1], seconds), (Columns[2], version)], [StatementBuilder.Equal(keyTerms)]);
        await SyncOrAsync.Execute(table.Connection, statement, $"Recording job metadata in {table.FullTableName}", sync, CancellationToken.None)
            .ConfigureAwait(false);
    }
}
