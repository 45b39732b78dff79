namespace DataJoint;

/// <summary>
/// A table in the database: a <see cref="QueryExpression"/> that can also change data. Common base of the
/// tiers (<see cref="Manual"/>, <see cref="Lookup"/>, <see cref="Imported"/>, <see cref="Computed"/>,
/// <see cref="Part"/>) and of <see cref="FreeTable"/>.
/// </summary>
public abstract partial class Table : QueryExpression
{
    /// <summary>The schema the table belongs to.</summary>
    public abstract Schema Schema { get; }

    /// <inheritdoc/>
    public override Connection Connection => Schema.Connection;

    /// <summary>SQL table name (with tier prefix).</summary>
    public abstract string SqlTableName { get; }

    /// <summary>The quoted full name, <c>`schema`.`table`</c> or <c>"schema"."table"</c>.</summary>
    public string FullTableName => Connection.Adapter.QualifiedName(Schema.Name, SqlTableName);

    internal override string? TelemetryTable => FullTableName;

    /// <summary>Where this table's codec values are written: its schema's section of the connection's stores.</summary>
    internal CodecTarget CodecTarget => new(FullTableName, Schema.Name, SqlTableName, Connection.Config.ObjectStores, Connection.Config.Codecs);

    /// <summary>Whether rows may be inserted from outside <c>Make</c> (false for auto-populated tiers).</summary>
    protected internal virtual bool RequiresMakeForInsert => false;

    /// <summary>Inserts one row: a <c>Row</c> record, an anonymous object, a dictionary or an <c>object?[]</c> in heading order.</summary>
    public void Insert1(object row, bool skipDuplicates = false, bool ignoreExtraFields = false, bool replace = false,
        bool allowDirectInsert = false) =>
        Insert([row], skipDuplicates, ignoreExtraFields, replace, allowDirectInsert);

    /// <summary>Inserts one row with the given <paramref name="options"/>.</summary>
    public void Insert1(object row, InsertOptions options) => Insert([row], options);

    /// <summary>Asynchronous <see cref="Insert1(object, InsertOptions)"/>.</summary>
    public Task Insert1Async(object row, InsertOptions options, CancellationToken cancellationToken = default) =>
        InsertAsync([row], options, cancellationToken);

    /// <summary>Asynchronous <see cref="Insert1(object, bool, bool, bool, bool)"/>.</summary>
    public Task Insert1Async(object row, bool skipDuplicates = false, bool ignoreExtraFields = false, bool replace = false,
        bool allowDirectInsert = false, CancellationToken cancellationToken = default) =>
        InsertAsync([row], skipDuplicates, ignoreExtraFields, replace, allowDirectInsert, cancellationToken);

    /// <summary>
    /// Inserts rows (records, anonymous objects, dictionaries or <c>object?[]</c> in heading order) in batched
    /// multi-row statements; several batches run in one transaction, so nothing is half-written. Large plain inserts
    /// (no <paramref name="skipDuplicates"/> or <paramref name="replace"/>; see <see cref="InsertSettings"/>) are
    /// bulk-loaded instead — PostgreSQL binary COPY, MySQL <c>LOAD DATA LOCAL</c> — in the ambient transaction or one of
    /// their own, with the same values, defaults and exceptions.
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="skipDuplicates">Silently skip rows whose primary key exists.</param>
    /// <param name="ignoreExtraFields">Ignore values for attributes the table does not have (otherwise an error).</param>
    /// <param name="replace">Replace rows whose primary key exists.</param>
    /// <param name="allowDirectInsert">Allow inserting into an auto-populated table outside <c>Make</c>.</param>
    public void Insert(IEnumerable<object> rows, bool skipDuplicates = false, bool ignoreExtraFields = false, bool replace = false,
        bool allowDirectInsert = false) =>
        Insert(rows, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert));

    /// <summary>As <see cref="Insert(IEnumerable{object}, bool, bool, bool, bool)"/> with the options as one value.</summary>
    public void Insert(IEnumerable<object> rows, InsertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SyncOrAsync.Wait(PrepareForRead(sync: true, CancellationToken.None));
        var writer = new InsertWriter(this, options);
        writer.Write(rows.Select(writer.ToValues));
    }

    /// <summary>Asynchronous <see cref="Insert(IEnumerable{object}, bool, bool, bool, bool)"/>.</summary>
    public Task InsertAsync(IEnumerable<object> rows, bool skipDuplicates = false, bool ignoreExtraFields = false,
        bool replace = false, bool allowDirectInsert = false, CancellationToken cancellationToken = default) =>
        InsertAsync(rows, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert), cancellationToken);

    /// <summary>Asynchronous <see cref="Insert(IEnumerable{object}, InsertOptions)"/>.</summary>
    public async Task InsertAsync(IEnumerable<object> rows, InsertOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await PrepareForRead(sync: false, cancellationToken).ConfigureAwait(false);
        var writer = new InsertWriter(this, options);
        await writer.WriteAsync(rows.Select(writer.ToValues), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the rows of this (restricted) table without cascading or asking; returns the number deleted.</summary>
    public long DeleteQuick() => SyncOrAsync.Wait(DeleteQuickCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="DeleteQuick"/>.</summary>
    public async Task<long> DeleteQuickAsync(CancellationToken cancellationToken = default) =>
        await DeleteQuickCore(sync: false, cancellationToken).ConfigureAwait(false);

    private ValueTask<long> DeleteQuickCore(bool sync, CancellationToken cancellationToken) =>
        Telemetry.Traced(Telemetry.Delete, Connection, FullTableName, async () =>
        {
            await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
            return (long)await SyncOrAsync.Execute(Connection, StatementBuilder.Delete(Connection.Adapter, FullTableName, StatementBuilder.WhereOf(this)),
                $"Deleting from {FullTableName}", sync, cancellationToken).ConfigureAwait(false);
        }, static n => n);

    /// <inheritdoc/>
    public override string ToString() => FullTableName;
}
