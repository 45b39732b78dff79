namespace DataJoint;

internal sealed partial class InsertWriter
{
    // Streamed inserts are bulk-loaded in chunks of this many rows (or the threshold, if larger), so memory stays bounded.
    private const int StreamedBulkChunkRows = 50_000;

    // Rows leaving different attributes to their defaults are loaded separately; past this many shapes, statements are simpler.
    private const int MaxBulkGroups = 8;

    /// <summary>Whether this insert would be bulk-loaded but for an earlier refusal on the connection (logged once per insert).</summary>
    private bool RefusedEarlier(long rows) =>
        _table.Connection.BulkLoadRefused && !_options.SkipDuplicates && !_options.Replace
        && _table.Connection.Config.Insert.Bulk != BulkInsertMode.Never && rows >= BulkThreshold;

    private void LogRefusedEarlier(long rows)
    {
        if (!RefusedEarlier(rows)) return;
        InsertLog.WrittenAsStatements(InsertLog.For(_table.Connection.DataJointLoggers), rows, _table.FullTableName,
            "bulk loading was refused earlier on this connection");
    }

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
    /// caller's transaction, which <see cref="WriteCore"/> and <see cref="WriteStreamAsync"/> always provide for bulk loads.
    /// </summary>
    private async ValueTask<long?> TryBulkLoad(List<object?[]> rows, long offset, bool sync, CancellationToken cancellationToken)
    {
        if (!MayBulkLoad(rows.Count)) return null;
        var connection = _table.Connection;
        var logger = InsertLog.For(connection.DataJointLoggers);

        var loader = _adapter.BulkLoader;
        var groups = GroupForBulkLoad(rows, loader, out var reason);
        if (groups is null)
        {
            InsertLog.WrittenAsStatements(logger, rows.Count, _table.FullTableName, reason!);
            return null;
        }

        var transaction = connection.CurrentTransaction ?? throw new InvalidOperationException("A bulk load must run inside a transaction.");
        var lease = sync ? connection.Open() : await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            long loaded = 0;
            try
            {
                // A refusal comes before any row is sent, so it can only happen on the first group.
                foreach (var (target, groupRows, indices) in groups)
                {
                    loaded += await loader.Load(target, lease.Connection, transaction.CommandTransaction, groupRows, n => offset + indices[n - 1] + 1,
                        sync, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DataJointException ex) when (ex is not LostConnectionException)
            {
                throw AtRowOfInput(ex, ex.Message, rows, rows.Count, offset);
            }
            catch (BulkLoadRefusedException refused)
            {
                connection.BulkLoadRefused = true;
                InsertLog.BulkRefused(logger, loader.Method, _table.FullTableName, refused.Message);
                return null;
            }
            catch (Exception ex) when (ex is not BulkLoadRefusedException && connection.IsLost(ex, lease.Connection))
            {
                throw await connection.Fail(ex, $"Bulk-loading into {_table.FullTableName}", lease.Connection, transaction, firstUse: false, sync)
                    .ConfigureAwait(false);
            }

            InsertLog.BulkLoaded(logger, loaded, _table.FullTableName, loader.Method);
            return loaded;
        }
    }

    /// <summary>
    /// Checks every value before anything is sent and groups the rows by the attributes they leave to their defaults: each
    /// group is loaded without those columns, so the server fills in the defaults exactly as an INSERT's DEFAULT would.
    /// Values sent as DEFAULT to a column whose default is NULL just become NULL. Returns null, with the reason, when the
    /// rows must go to statements instead. Range errors are thrown here exactly as the statement path throws them.
    /// </summary>
    private List<(BulkTarget Target, List<object?[]> Rows, List<int> Indices)>? GroupForBulkLoad(List<object?[]> rows, BulkLoader loader, out string? reason)
    {
        var attributes = _heading.Attributes;
        foreach (var attribute in attributes)
        {
            if (!loader.Supports(attribute.Spec))
            {
                reason = $"{loader.Method} has no exact format for attribute `{attribute.Name}` ({attribute.Type})";
                return null;
            }
        }

        var groups = new Dictionary<string, (BulkTarget Target, List<object?[]> Rows, List<int> Indices)>(StringComparer.Ordinal);
        var defaulted = new List<int>();
        (BulkTarget Target, List<object?[]> Rows, List<int> Indices)? previousGroup = null;
        string? previousKey = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var values = rows[r];
            defaulted.Clear();
            for (var i = 0; i < attributes.Count; i++)
            {
                var attribute = attributes[i];
                var value = values[i];
                if (value is null || ReferenceEquals(value, Omitted) || ValueRules.IsMissingNumber(attribute, value))
                {
                    if (DefaultsToNull(attribute))
                    {
                        values[i] = null;
                    }
                    else if (attribute.DefaultValue is null && !attribute.Nullable)
                    {
                        // No default: the statement path raises the server's error naming the attribute.
                        reason = $"row {r + 1} gives no value for the required attribute `{attribute.Name}`";
                        return null;
                    }
                    else
                    {
                        defaulted.Add(i);
                    }
                }
                else
                {
                    CheckValue(attribute, value);
                    if (!loader.Accepts(attribute.Spec, value))
                    {
                        reason = $"row {r + 1} gives attribute `{attribute.Name}` ({attribute.Type}) a {value.GetType().Name}, which the server must convert";
                        return null;
                    }
                }
            }

            var key = defaulted.Count == 0 ? "" : string.Join(',', defaulted);
            if (previousGroup is { } previous && key == previousKey)
            {
                previous.Rows.Add(values);
                previous.Indices.Add(r);
                continue;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                if (groups.Count == MaxBulkGroups)
                {
                    reason = $"the rows leave more than {MaxBulkGroups} different sets of attributes to their defaults";
                    return null;
                }

                var ordinals = Enumerable.Range(0, attributes.Count).Where(i => !defaulted.Contains(i)).ToArray();
                if (ordinals.Length == 0)
                {
                    reason = $"row {r + 1} leaves every attribute to its default";
                    return null;
                }

                group = (new BulkTarget(_table.FullTableName, ordinals.Select(i => attributes[i]).ToArray(), ordinals), [], []);
                groups.Add(key, group);
            }

            group.Rows.Add(values);
            group.Indices.Add(r);
            (previousKey, previousGroup) = (key, group);
        }

        reason = null;
        return groups.Values.ToList();
    }

    private static bool DefaultsToNull(HeadingAttribute attribute) =>
        attribute.Nullable && (attribute.DefaultValue is null || attribute.DefaultValue.Trim().Equals("null", StringComparison.OrdinalIgnoreCase));
}
