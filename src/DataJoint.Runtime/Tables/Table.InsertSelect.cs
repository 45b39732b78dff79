namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Inserts the rows of <paramref name="query"/> with one server-side <c>INSERT … SELECT</c> (DataJoint's
    /// <c>insert(query)</c>): no row travels to the client. The query's attributes go into the table's attributes of the
    /// same name; the table's primary key must be among them. Returns the number of rows the server reports written.
    /// </summary>
    /// <param name="query">A query on the same connection (a table, a restriction, a projection with renames, a join…).</param>
    /// <param name="skipDuplicates">Silently skip rows whose primary key exists.</param>
    /// <param name="ignoreExtraFields">Ignore query attributes the table does not have (otherwise an error).</param>
    /// <param name="replace">Replace rows whose primary key exists.</param>
    /// <param name="allowDirectInsert">Allow inserting into an auto-populated table outside <c>Make</c>.</param>
    /// <exception cref="UnknownAttributeException">The query has an attribute the table does not have.</exception>
    /// <exception cref="ArgumentException">The query lacks part of the table's primary key, or is on another connection.</exception>
    public long Insert(QueryExpression query, bool skipDuplicates = false, bool ignoreExtraFields = false, bool replace = false,
        bool allowDirectInsert = false) =>
        Insert(query, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert));

    /// <summary>As <see cref="Insert(QueryExpression, bool, bool, bool, bool)"/> with the options as one value.</summary>
    public long Insert(QueryExpression query, InsertOptions options) =>
        SyncOrAsync.Wait(InsertSelectCore(query, options, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Insert(QueryExpression, bool, bool, bool, bool)"/>.</summary>
    public Task<long> InsertAsync(QueryExpression query, bool skipDuplicates = false, bool ignoreExtraFields = false, bool replace = false,
        bool allowDirectInsert = false, CancellationToken cancellationToken = default) =>
        InsertAsync(query, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert), cancellationToken);

    /// <summary>Asynchronous <see cref="Insert(QueryExpression, InsertOptions)"/>.</summary>
    public async Task<long> InsertAsync(QueryExpression query, InsertOptions options, CancellationToken cancellationToken = default) =>
        await InsertSelectCore(query, options, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<long> InsertSelectCore(QueryExpression query, InsertOptions options, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        if (!ReferenceEquals(query.Connection, Connection))
        {
            throw new ArgumentException($"Cannot insert a query on another connection into {FullTableName}: one INSERT … SELECT runs on one server "
                + "session. Fetch the rows and insert them instead.", nameof(query));
        }

        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        await query.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        InsertWriter.CheckAllowed(this, options);
        var columns = InsertSelectColumns(query, options);
        var conflict = options.Replace ? InsertConflict.Replace : options.SkipDuplicates ? InsertConflict.Skip : InsertConflict.Error;
        var statement = StatementBuilder.InsertSelect(Connection.Adapter, FullTableName, columns, query, columns, Heading.PrimaryKey, conflict);
        return await Telemetry.Traced(Telemetry.Insert, Connection, FullTableName, async () =>
            (long)await SyncOrAsync.Execute(Connection, statement, $"Inserting into {FullTableName} from a query", sync, cancellationToken)
                .ConfigureAwait(false), static n => n).ConfigureAwait(false);
    }

    /// <summary>The query's attributes that go into this table, in the query's order; extra and missing key attributes are errors.</summary>
    private List<string> InsertSelectColumns(QueryExpression query, InsertOptions options)
    {
        var target = Heading.Names.ToHashSet(StringComparer.Ordinal);
        var extra = query.Heading.Names.Where(n => !target.Contains(n)).ToList();
        if (extra.Count > 0 && !options.IgnoreExtraFields)
        {
            throw new UnknownAttributeException($"Attribute `{extra[0]}` of the inserted query is not in {FullTableName} "
                + $"({string.Join(", ", Heading.Names)}). Pass ignoreExtraFields: true to drop extra attributes, or project them away.");
        }

        var columns = query.Heading.Names.Where(target.Contains).ToList();
        var missingKey = Heading.PrimaryKey.Where(k => !columns.Contains(k, StringComparer.Ordinal)).ToList();
        if (missingKey.Count > 0)
        {
            throw new ArgumentException($"The inserted query lacks primary-key attribute(s) {string.Join(", ", missingKey)} of {FullTableName}: "
                + "join or project (rename) the query so that it has them.", nameof(query));
        }

        return columns;
    }
}
