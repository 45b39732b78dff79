namespace DataJoint;

/// <summary>
/// Writes rows into one table as multi-row INSERT statements with bound parameters, or bulk-loads large plain inserts
/// (<c>InsertWriter.Bulk.cs</c>). Values arrive in heading order; <see cref="Omitted"/> marks an attribute the row did not
/// give (sent as DEFAULT, as DataJoint does).
/// </summary>
internal sealed partial class InsertWriter
{
    /// <summary>Placeholder for an attribute the row does not give.</summary>
    public static readonly object Omitted = new();

    // PostgreSQL allows 65535 parameters per statement; stay well below for both servers.
    private const int MaxParametersPerStatement = 30_000;
    private const int MaxRowsPerStatement = 1_000;
    private const int InitialChunkCapacity = 16;

    private readonly Table _table;
    private readonly InsertOptions _options;
    private readonly Heading _heading;
    private readonly BackendAdapter _adapter;

    public InsertWriter(Table table, InsertOptions options)
    {
        _table = table;
        _options = options;
        _heading = table.Heading;
        _adapter = table.Connection.Adapter;
        CheckAllowed(table, options);
    }

    /// <summary>The checks every insert makes before writing: the table itself, Make-only tables, consistent options.</summary>
    public static void CheckAllowed(Table table, InsertOptions options)
    {
        if (table.IsRestricted)
        {
            throw new InvalidOperationException($"Cannot insert into the restricted table {table.FullTableName}: insert into the table itself.");
        }

        if (table.RequiresMakeForInsert && !options.AllowDirectInsert && !MakeScope.IsInsideMake(table))
        {
            throw new InvalidOperationException($"Inserts into the auto-populated table {table.FullTableName} can only be done inside its Make method "
                + "during Populate. Pass allowDirectInsert: true to insert directly.");
        }

        if (options.Replace && options.SkipDuplicates)
        {
            throw new ArgumentException("replace and skipDuplicates cannot both be true.", nameof(options));
        }
    }

    /// <summary>Converts an untyped row (record, dictionary, anonymous object or array) to values in heading order.</summary>
    public object?[] ToValues(object row)
    {
        var names = _heading.Names;
        var values = new object?[names.Count];
        if (row is object?[] array)
        {
            if (array.Length != names.Count)
            {
                throw new ArgumentException($"A positional row for {_table.FullTableName} has {array.Length} values; "
                    + $"the table has {names.Count} attributes ({string.Join(", ", names)}).");
            }

            Array.Copy(array, values, array.Length);
            return values;
        }

        Array.Fill(values, Omitted);
        var pairs = RecordValues.TryRead(row) ?? throw (row is QueryExpression query
            ? new ArgumentException($"A query is not a row: {query.GetType().Name} cannot be inserted into "
                + $"{_table.FullTableName} with Insert1. Insert its rows instead (table.Insert(query.ToDicts())).", nameof(row))
            : new ArgumentException($"Cannot insert a {row.GetType().Name} as a row of {_table.FullTableName}: "
                + "use a Row record, an anonymous object, a dictionary or an object?[] in heading order.", nameof(row)));
        foreach (var (name, value) in pairs)
        {
            var index = IndexOf(name);
            if (index < 0)
            {
                if (_options.IgnoreExtraFields) continue;
                throw new UnknownAttributeException($"Attribute `{name}` is not in {_table.FullTableName} "
                    + $"({string.Join(", ", names)}). Pass ignoreExtraFields: true to drop extra fields.");
            }

            values[index] = value;
        }

        return values;
    }

    private int IndexOf(string name)
    {
        var names = _heading.Names;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    public long Write(IEnumerable<object?[]> rows)
    {
        using var source = rows.GetEnumerator();
        return SyncOrAsync.Wait(WriteTraced(() => new ValueTask<object?[]?>(source.MoveNext() ? source.Current : null), sync: true, CancellationToken.None));
    }

    public async Task<long> WriteAsync(IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var source = rows.GetEnumerator();
        return await WriteTraced(() => new ValueTask<object?[]?>(source.MoveNext() ? source.Current : null), sync: false, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Writes rows from an asynchronous source as they arrive (see <see cref="WriteCore"/>).</summary>
    public async Task<long> WriteStreamAsync(IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var source = rows.GetAsyncEnumerator(cancellationToken);
        await using (source.ConfigureAwait(false))
        {
            return await WriteTraced(async () => await source.MoveNextAsync().ConfigureAwait(false) ? source.Current : null, sync: false,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every insert writes through here: one <c>insert</c> span and the inserted-rows counter per call.</summary>
    private ValueTask<long> WriteTraced(Func<ValueTask<object?[]?>> next, bool sync, CancellationToken cancellationToken) =>
        Telemetry.Traced(Telemetry.Insert, _table.Connection, _table.FullTableName, () => WriteCore(next, sync, cancellationToken), static n => n);

    /// <summary>
    /// Writes rows as the source delivers them, one chunk at a time, so the source is never buffered whole: a chunk is one
    /// statement's worth of rows, or, when bulk loading is possible, large enough to be bulk-loaded. One statement is atomic by
    /// itself; several chunks, or a bulk load, run in one transaction (one opened here, or a savepoint inside the caller's),
    /// so a failure anywhere leaves nothing written. <paramref name="next"/> returns null at the end of the source.
    /// </summary>
    private async ValueTask<long> WriteCore(Func<ValueTask<object?[]?>> next, bool sync, CancellationToken cancellationToken)
    {
        var connection = _table.Connection;
        var chunkRows = MayBulkLoad(int.MaxValue) ? Math.Max(BulkThreshold, StreamedBulkChunkRows) : RowsPerStatement;
        // Grown as rows arrive: a chunk sized for a streamed bulk load up front (400 KB) made every Insert1 a large-object
        // allocation, and populate's Makes a gen-2 collection each.
        var chunk = new List<object?[]>(Math.Min(chunkRows, InitialChunkCapacity));
        var more = await Fill(chunk, chunkRows, next).ConfigureAwait(false);
        if (chunk.Count == 0) return 0;
        if (!more && chunk.Count <= RowsPerStatement && !MayBulkLoad(chunk.Count))
        {
            var written = await WriteChunk(chunk, 0, sync, cancellationToken).ConfigureAwait(false);
            // One statement, so nothing of it can be undone later in this insert (skipped duplicates may not be the key's row).
            if (!_options.SkipDuplicates) MakeScope.Wrote(_table, _heading, chunk);
            LogRefusedEarlier(written);
            return written;
        }

        // Inside the caller's transaction a savepoint makes the insert all-or-nothing too (MySQL would keep the statements
        // before a failing one; PostgreSQL would abort the caller's whole transaction).
        var savepoint = connection.InTransaction;
        var refusedEarlier = connection.BulkLoadRefused; // a refusal during this insert is logged as such (7103)
        var transaction = savepoint ? null
            : sync ? connection.Transaction() : await connection.TransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (savepoint) await Savepoint(connection, "SAVEPOINT", sync, cancellationToken).ConfigureAwait(false);
            long count = 0;
            long offset = 0;
            try
            {
                while (chunk.Count > 0)
                {
                    count += await WriteChunk(chunk, offset, sync, cancellationToken).ConfigureAwait(false);
                    offset += chunk.Count;
                    chunk.Clear();
                    if (!more) break;
                    more = await Fill(chunk, chunkRows, next).ConfigureAwait(false);
                }
            }
            catch when (savepoint)
            {
                await UndoSavepoint(connection, sync).ConfigureAwait(false);
                throw;
            }

            if (savepoint) await Savepoint(connection, "RELEASE SAVEPOINT", sync, cancellationToken).ConfigureAwait(false);
            else await SyncOrAsync.Commit(transaction!, sync, cancellationToken).ConfigureAwait(false);
            if (refusedEarlier) LogRefusedEarlier(count);
            return count;
        }
        finally
        {
            if (transaction is not null) await SyncOrAsync.Dispose(transaction, sync).ConfigureAwait(false);
        }
    }

    /// <summary>Adds rows from the source until the chunk holds <paramref name="size"/>; false once the source is exhausted.</summary>
    private static async ValueTask<bool> Fill(List<object?[]> chunk, int size, Func<ValueTask<object?[]?>> next)
    {
        while (chunk.Count < size)
        {
            if (await next().ConfigureAwait(false) is not { } row) return false;
            chunk.Add(row);
        }

        return true;
    }

    /// <summary>
    /// Writes one chunk in the current transaction (if any): bulk-loaded when it qualifies, as INSERT statements otherwise.
    /// <paramref name="offset"/> is the number of rows of the input before the chunk, so errors name the row of the input.
    /// </summary>
    private async ValueTask<long> WriteChunk(List<object?[]> rows, long offset, bool sync, CancellationToken cancellationToken)
    {
        await EncodeCodecs(rows, sync, cancellationToken).ConfigureAwait(false);
        if (await TryBulkLoad(rows, offset, sync, cancellationToken).ConfigureAwait(false) is { } loaded) return loaded;
        var connection = _table.Connection;
        var context = $"Inserting into {_table.FullTableName}";
        var rowsPerStatement = RowsPerStatement;
        long count = 0;
        var first = 0;
        foreach (var statement in Statements(rows))
        {
            try
            {
                count += await SyncOrAsync.Execute(connection, statement, context, sync, cancellationToken).ConfigureAwait(false);
            }
            catch (DataJointException ex) when (ex is not LostConnectionException)
            {
                var from = first;
                var to = Math.Min(rows.Count, first + rowsPerStatement);
                var message = _adapter.WithRowOfInput(ex.Message, n => offset + from + n);
                if (ex is DuplicateKeyException && _adapter.DuplicateKeyColumnsWithoutValues(message) is { } keyColumns)
                {
                    message += await DuplicatedKey(keyColumns, rows, from, to, sync, cancellationToken).ConfigureAwait(false);
                }

                throw AtRowOfInput(ex, message, rows, to, offset);
            }

            first += rowsPerStatement;
        }

        return count;
    }

    private static ValueTask<int> Savepoint(Connection connection, string command, bool sync, CancellationToken cancellationToken) =>
        SyncOrAsync.Execute(connection, new SqlStatement(command + " dj_insert", []), "Insert savepoint", sync, cancellationToken);

    // Best effort: when the rollback itself fails (the connection is gone), the original error says more.
    private static async ValueTask UndoSavepoint(Connection connection, bool sync)
    {
        try
        {
            await Savepoint(connection, "ROLLBACK TO SAVEPOINT", sync, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DataJointException)
        {
        }
    }

    /// <summary>
    /// Encodes the values of codec attributes in place (the rows' arrays belong to this writer): blobs packed, attachments
    /// read, stored values written to their store and replaced by their metadata.
    /// </summary>
    private async ValueTask EncodeCodecs(List<object?[]> rows, bool sync, CancellationToken cancellationToken)
    {
        var attributes = _heading.Attributes;
        CodecTarget? target = null;
        var keyIndexes = _heading.PrimaryKey.Select(IndexOf).ToArray();
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Spec.Category != Definition.TypeCategory.Codec) continue;
            target ??= _table.CodecTarget;
            foreach (var values in rows)
            {
                if (!ReferenceEquals(values[i], Omitted))
                {
                    var key = keyIndexes.Select(k => (attributes[k].Name, values[k])).ToList();
                    values[i] = await StoredValue.Encode(attributes[i], values[i], target, key, sync, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private int RowsPerStatement => Math.Clamp(MaxParametersPerStatement / Math.Max(1, _heading.Attributes.Count), 1, MaxRowsPerStatement);

    private IEnumerable<SqlStatement> Statements(IEnumerable<object?[]> rows)
    {
        var conflict = _options.Replace ? InsertConflict.Replace : _options.SkipDuplicates ? InsertConflict.Skip : InsertConflict.Error;
        foreach (var chunk in rows.Select(Bound).Chunk(RowsPerStatement))
        {
            // Rows that give every column (most do) are one statement as they are, without the grouping below.
            if (_adapter.DefaultKeywordInValues || !Array.Exists(chunk, LeavesADefault))
            {
                yield return StatementBuilder.Insert(_adapter, _table.FullTableName, _heading.Names, chunk, _heading.PrimaryKey, conflict);
                continue;
            }

            // Without DEFAULT in VALUES, rows that leave the same columns to their defaults go together, those columns left out.
            foreach (var group in chunk.GroupBy(DefaultedColumns, StringComparer.Ordinal))
            {
                var kept = Enumerable.Range(0, _heading.Names.Count).Where(i => group.Key[i] == '0').ToArray();
                if (kept.Length == 0)
                {
                    foreach (var _ in group) yield return new SqlStatement($"INSERT INTO {_table.FullTableName} DEFAULT VALUES", []);
                    continue;
                }

                yield return StatementBuilder.Insert(_adapter, _table.FullTableName, kept.Select(i => _heading.Names[i]).ToArray(),
                    group.Select(row => (IReadOnlyList<object?>)kept.Select(i => row[i]).ToArray()), _heading.PrimaryKey, conflict);
            }
        }
    }

    private static bool LeavesADefault(object?[] row) => Array.Exists(row, static value => ReferenceEquals(value, StatementBuilder.Default));

    /// <summary>Which values of a bound row are <see cref="StatementBuilder.Default"/>, one character per column ('1': default).</summary>
    private static string DefaultedColumns(object?[] row) =>
        string.Create(row.Length, row, static (span, values) =>
        {
            for (var i = 0; i < values.Length; i++) span[i] = ReferenceEquals(values[i], StatementBuilder.Default) ? '1' : '0';
        });

    /// <summary>A row's values as sent: checked and converted for the server, DataJoint's missing values as DEFAULT.</summary>
    private object?[] Bound(object?[] values)
    {
        var attributes = _heading.Attributes;
        var bound = new object?[values.Length];
        for (var i = 0; i < attributes.Count; i++)
        {
            var value = values[i];
            if (value is null || ReferenceEquals(value, Omitted) || ValueRules.IsMissingNumber(attributes[i], value))
            {
                bound[i] = StatementBuilder.Default;
            }
            else
            {
                CheckValue(attributes[i], value);
                bound[i] = _adapter.ToDbValue(attributes[i].Spec, value);
            }
        }

        return bound;
    }

    /// <summary>Refuses, before anything is sent, a value the attribute would silently change or the server would misreport (<see cref="ValueRules.Refusal"/>).</summary>
    private void CheckValue(HeadingAttribute attribute, object value)
    {
        if (ValueRules.Refusal(attribute, value, _adapter) is { } why)
        {
            throw new DataJointException($"The value {ValueRules.Describe(value)} for attribute `{attribute.Name}` ({attribute.Type}) of {_table.FullTableName} {why}. Nothing was written.");
        }
    }
}
