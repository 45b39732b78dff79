using System.ComponentModel;

namespace DataJoint;

/// <summary>
/// Base of the table classes users declare with <see cref="DefinitionAttribute"/>. A handle is created
/// unbound by the generated code and bound to a schema by <see cref="Schema.Table{T}()"/>; handles are
/// immutable and safe to share between threads.
/// </summary>
public abstract partial class UserTable : Table
{
    private Schema? _schema;
    private Heading? _heading;

    /// <summary>The compiled table model (the generated static <c>Definition</c>).</summary>
    public abstract TableDefinition TableDefinition { get; }

    /// <inheritdoc/>
    public override Schema Schema => _schema ?? throw NotBound();

    /// <inheritdoc/>
    public override Heading Heading => _heading ?? throw NotBound();

    /// <inheritdoc/>
    public override string SqlTableName => TableDefinition.TableName;

    internal void Bind(Schema schema, Heading heading)
    {
        _schema = schema;
        _heading = heading;
    }

    private DataJointException NotBound() => new($"The table class {TableDefinition.ClassName} is not bound to a schema. "
        + "Get a bound handle with schema.Table<T>().");

    /// <summary>Typed fetch used by the generated <c>Fetch</c> methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected IReadOnlyList<TRow> FetchRows<TRow>(RowMapper<TRow> mapper, string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(ReadTraced(SelectStatement(orderBy, limit, offset ?? 0), $"Fetching from {FullTableName}", mapper.Read, sync: true,
            CancellationToken.None));

    /// <summary>Typed primary keys used by the generated <c>FetchKeys</c> method.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected IReadOnlyList<TKey> FetchKeyRows<TKey>(RowMapper<TKey> mapper, string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(FetchKeyRowsCore(mapper, orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Typed asynchronous primary keys used by the generated <c>FetchKeysAsync</c> methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected async Task<IReadOnlyList<TKey>> FetchKeyRowsAsync<TKey>(RowMapper<TKey> mapper, string? orderBy, int? limit, int? offset,
        CancellationToken cancellationToken) =>
        await FetchKeyRowsCore(mapper, orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<TKey>> FetchKeyRowsCore<TKey>(RowMapper<TKey> mapper, string? orderBy, int? limit, int? offset, bool sync,
        CancellationToken cancellationToken)
    {
        var select = QuerySqlGenerator.Select(this, Connection.Adapter, PrimaryKey, distinct: true, orderBy, limit, offset ?? 0);
        return await ReadTraced(select, $"Fetching keys of {FullTableName}", mapper.Read, sync, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Typed asynchronous fetch used by the generated <c>FetchAsync</c> methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected async Task<IReadOnlyList<TRow>> FetchRowsAsync<TRow>(RowMapper<TRow> mapper, string? orderBy, int? limit, int? offset,
        CancellationToken cancellationToken) =>
        await ReadTraced(SelectStatement(orderBy, limit, offset ?? 0), $"Fetching from {FullTableName}", mapper.Read, sync: false,
            cancellationToken).ConfigureAwait(false);

    /// <summary>Typed streaming used by the generated <c>Stream</c> method; rows are read as they arrive.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected IAsyncEnumerable<TRow> StreamRows<TRow>(RowMapper<TRow> mapper, string? orderBy, int? limit, int? offset,
        CancellationToken cancellationToken) =>
        StreamTraced(SelectStatement(orderBy, limit, offset ?? 0), $"Fetching from {FullTableName}", mapper.Read, cancellationToken);

    /// <summary>Typed insert used by the generated <c>Insert</c> methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected void InsertRows<TRow>(IEnumerable<TRow> rows, RowMapper<TRow> mapper, bool skipDuplicates, bool ignoreExtraFields,
        bool replace, bool allowDirectInsert)
    {
        var writer = new InsertWriter(this, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert));
        writer.Write(ToValues(rows, mapper));
    }

    /// <summary>Typed asynchronous insert used by the generated <c>InsertAsync</c> methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected Task InsertRowsAsync<TRow>(IEnumerable<TRow> rows, RowMapper<TRow> mapper, bool skipDuplicates, bool ignoreExtraFields,
        bool replace, bool allowDirectInsert, CancellationToken cancellationToken)
    {
        var writer = new InsertWriter(this, new InsertOptions(skipDuplicates, ignoreExtraFields, replace, allowDirectInsert));
        return writer.WriteAsync(ToValues(rows, mapper), cancellationToken);
    }

    private IEnumerable<object?[]> ToValues<TRow>(IEnumerable<TRow> rows, RowMapper<TRow> mapper)
    {
        var count = Heading.Attributes.Count;
        foreach (var row in rows)
        {
            var values = new object?[count];
            mapper.Write(row, values);
            yield return values;
        }
    }

    /// <summary>A restricted copy of a typed table, used by the generated <c>&amp;</c> and <c>-</c> operators.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected static TTable Restricted<TTable>(TTable table, object condition, bool negate) where TTable : UserTable =>
        (TTable)table.WithRestriction(condition, semanticCheck: true, negate);

    /// <summary>A copy of a typed table restricted by an interpolated string (holes bound as parameters), used by the generated operators.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)] // called by generated code only
    protected static TTable Restricted<TTable>(TTable table, RestrictionStringHandler condition, bool negate) where TTable : UserTable =>
        (TTable)table.WithRestriction(condition.ToRestriction(), semanticCheck: true, negate);
}
