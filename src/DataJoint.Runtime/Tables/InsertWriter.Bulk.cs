namespace DataJoint;

internal sealed partial class InsertWriter
{
    // Streamed inserts are bulk-loaded in chunks of this many rows (or the threshold, if larger), so memory stays bounded.
    private const int StreamedBulkChunkRows = 50_000;

    private int BulkThreshold => _table.Connection.Config.Insert.Bulk == BulkInsertMode.Always ? 1 : _table.Connection.Config.Insert.BulkThreshold;

    /// <summary>
    /// Whether an insert of <paramref name="rows"/> rows may be bulk-loaded, before looking at its values: plain inserts only
    /// (skipDuplicates and replace need their INSERT clauses), when the settings allow it and the connection has not been
    /// refused before.
    /// </summary>
    private bool MayBulkLoad(int rows) =>
        !_options.SkipDuplicates && !_options.Replace
        && _table.Connection.Config.Insert.Bulk != BulkInsertMode.Never
        && rows >= BulkThreshold
        && !_table.Connection.BulkLoadRefused;

    /// <summary>
    /// Bulk-loads the rows when they qualify; returns null (nothing written) when they go to statements instead. Runs in the
    /// caller's transaction, which <see cref="WriteCore"/> or <see cref="WriteStreamAsync"/> always provide for bulk loads.
    /// </summary>
    private async ValueTask<long?> TryBulkLoad(List<object?[]> rows, bool sync, CancellationToken cancellationToken)
    {
        var connection = _table.Connection;
        if (!MayBulkLoad(rows.Count))
        {
            if (connection.BulkLoadRefused && rows.Count >= BulkThreshold && !_options.SkipDuplicates && !_options.Replace)
            {
                InsertLog.WrittenAsStatements(InsertLog.For(connection.LoggerFactory), rows.Count, _table.FullTableName,
                    "bulk loading was refused earlier on this connection");
            }

            return null;
        }

        var loader = _adapter.BulkLoader;
        if (PrepareForBulkLoad(rows, loader) is { } reason)
        {
            InsertLog.WrittenAsStatements(InsertLog.For(connection.LoggerFactory), rows.Count, _table.FullTableName, reason);
            return null;
        }

        var transaction = connection.CurrentTransaction
            ?? throw new InvalidOperationException("A bulk load must run inside a transaction.");
        var lease = sync ? connection.Open() : await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            var target = new BulkTarget(_table.FullTableName, _heading.Attributes);
            try
            {
                var loaded = await loader.Load(target, lease.Connection, transaction.DbTransaction!, rows, sync, cancellationToken)
                    .ConfigureAwait(false);
                InsertLog.BulkLoaded(InsertLog.For(connection.LoggerFactory), loaded, _table.FullTableName, loader.Method);
                return loaded;
            }
            catch (BulkLoadRefusedException refused)
            {
                connection.BulkLoadRefused = true;
                InsertLog.BulkRefused(InsertLog.For(connection.LoggerFactory), loader.Method, _table.FullTableName, refused.Message);
                return null;
            }
        }
    }

    /// <summary>
    /// Checks every value before anything is sent, and turns the values an INSERT would send as DEFAULT into NULL where the
    /// default is NULL (the same outcome). Returns why the rows must go to statements instead, or null when they can be
    /// loaded. Range errors are thrown here exactly as the statement path throws them.
    /// </summary>
    private string? PrepareForBulkLoad(List<object?[]> rows, BulkLoader loader)
    {
        var attributes = _heading.Attributes;
        foreach (var attribute in attributes)
        {
            if (!loader.Supports(attribute.Spec)) return $"{loader.Method} has no exact format for attribute `{attribute.Name}` ({attribute.Type})";
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var values = rows[r];
            for (var i = 0; i < attributes.Count; i++)
            {
                var attribute = attributes[i];
                var value = values[i];
                if (value is null || ReferenceEquals(value, Omitted) || IsMissingNumber(attribute, value))
                {
                    if (!DefaultsToNull(attribute)) return $"row {r + 1} leaves attribute `{attribute.Name}` to its default, which a bulk load cannot apply";
                    values[i] = null;
                }
                else
                {
                    CheckRange(attribute, value);
                    if (!loader.Accepts(attribute.Spec, value))
                    {
                        return $"row {r + 1} gives attribute `{attribute.Name}` ({attribute.Type}) a {value.GetType().Name}, which the server must convert";
                    }
                }
            }
        }

        return null;
    }

    private static bool DefaultsToNull(HeadingAttribute attribute) =>
        attribute.Nullable && (attribute.DefaultValue is null || attribute.DefaultValue.Trim().Equals("null", StringComparison.OrdinalIgnoreCase));
}
