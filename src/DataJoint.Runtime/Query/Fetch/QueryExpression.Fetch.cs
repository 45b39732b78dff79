using System.Data.Common;
using System.Runtime.CompilerServices;

namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// Runs before every fetch, count and existence check of this expression: a table whose heading or declaration
    /// is loaded on first use (<see cref="FreeTable"/>, <see cref="JobTable"/>) does that I/O here, in the caller's mode.
    /// </summary>
    internal virtual ValueTask PrepareForRead(bool sync, CancellationToken cancellationToken) => default;

    /// <summary>Number of rows (DataJoint's <c>len</c>).</summary>
    public long Count() => SyncOrAsync.Wait(CountCore(sync: true, CancellationToken.None));

    /// <summary>Number of rows.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await CountCore(sync: false, cancellationToken).ConfigureAwait(false);

    internal async ValueTask<long> CountCore(bool sync, CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        return await SyncOrAsync.ReadScalar<long>(Connection, CountStatement(), "Counting rows", sync, cancellationToken).ConfigureAwait(false);
    }

    private SqlStatement CountStatement() => QuerySqlGenerator.Count(this, Connection.Adapter);

    /// <summary>Whether the query has any row (DataJoint's <c>bool</c>).</summary>
    public bool Exists() => SyncOrAsync.Wait(ExistsCore(sync: true, CancellationToken.None));

    /// <summary>Whether the query has any row.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await ExistsCore(sync: false, cancellationToken).ConfigureAwait(false);

    internal async ValueTask<bool> ExistsCore(bool sync, CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        return await SyncOrAsync.ReadScalar<long>(Connection, ExistsStatement(), "Checking for rows", sync, cancellationToken).ConfigureAwait(false) != 0;
    }

    private SqlStatement ExistsStatement() => QuerySqlGenerator.Exists(this, Connection.Adapter);

    /// <summary>All rows as dictionaries of attribute name to value, in heading order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ToDicts(string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(ToDictsCore(orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ToDicts"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ToDictsAsync(string? orderBy = null, int? limit = null,
        int? offset = null, CancellationToken cancellationToken = default) =>
        await ToDictsCore(orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ToDictsCore(string? orderBy, int? limit, int? offset, bool sync,
        CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        return await ReadTraced(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", DictionaryReader(), sync,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the rows as dictionaries while they arrive (one open reader; nothing is buffered).</summary>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> StreamAsync(string? orderBy = null, int? limit = null, int? offset = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await PrepareForRead(sync: false, cancellationToken).ConfigureAwait(false);
        await foreach (var row in StreamTraced(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", DictionaryReader(), cancellationToken)
            .ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private Func<DbDataReader, IReadOnlyDictionary<string, object?>> DictionaryReader()
    {
        var attributes = Heading.Attributes;
        var names = new FetchedRowNames(attributes.Select(a => a.Name).ToArray());
        return reader =>
        {
            var values = new object?[attributes.Count];
            for (var i = 0; i < values.Length; i++) values[i] = ColumnReader.ReadValue(reader, i, attributes[i]);
            return new FetchedRow(names, values);
        };
    }

    /// <summary>The primary keys of the rows as dictionaries (DataJoint's <c>keys()</c> = <c>proj().to_dicts()</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Keys(string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(KeysCore(orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Keys"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> KeysAsync(string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default) =>
        await KeysCore(orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<IReadOnlyDictionary<string, object?>>> KeysCore(string? orderBy, int? limit, int? offset, bool sync,
        CancellationToken cancellationToken)
    {
        // The projection needs the heading: load it before composing.
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        return await Proj().ToDictsCore(orderBy, limit, offset, sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One attribute of every row (DataJoint's <c>to_arrays("a")</c>).</summary>
    public TValue[] Column<TValue>(string attribute, string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(ColumnCore<TValue>(attribute, orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Column{TValue}"/>.</summary>
    public async Task<TValue[]> ColumnAsync<TValue>(string attribute, string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default) =>
        await ColumnCore<TValue>(attribute, orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<TValue[]> ColumnCore<TValue>(string attribute, string? orderBy, int? limit, int? offset, bool sync,
        CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var heading = Heading[attribute];
        var query = WithFetchPaging(orderBy, limit, offset);
        var values = await ReadTraced(QuerySqlGenerator.Select(query, Connection.Adapter, [attribute]), "Fetching a column",
            reader => ValueConverter.To<TValue>(ColumnReader.ReadValue(reader, 0, heading), attribute), sync, cancellationToken).ConfigureAwait(false);
        return values.ToArray();
    }

    /// <summary>
    /// Rows mapped onto <typeparamref name="TRecord"/> by attribute name: settable properties or constructor
    /// parameters (positional records) whose PascalCase/camelCase names match snake_case attributes. The mapper
    /// is compiled once per type and heading.
    /// </summary>
    public IReadOnlyList<TRecord> Fetch<TRecord>(string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(FetchCore<TRecord>(orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Fetch{TRecord}"/>.</summary>
    public async Task<IReadOnlyList<TRecord>> FetchAsync<TRecord>(string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default) =>
        await FetchCore<TRecord>(orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<TRecord>> FetchCore<TRecord>(string? orderBy, int? limit, int? offset, bool sync,
        CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var mapper = RecordMapper<TRecord>.For(Heading);
        return await ReadTraced(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", mapper.Read, sync, cancellationToken,
            mapper.Reads.Contains).ConfigureAwait(false);
    }

    /// <summary>Streams rows mapped onto <typeparamref name="TRecord"/> while they arrive.</summary>
    public async IAsyncEnumerable<TRecord> StreamAsync<TRecord>(string? orderBy = null, int? limit = null, int? offset = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await PrepareForRead(sync: false, cancellationToken).ConfigureAwait(false);
        var mapper = RecordMapper<TRecord>.For(Heading);
        await foreach (var row in StreamTraced(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", mapper.Read, cancellationToken,
            mapper.Reads.Contains)
            .ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>The single row mapped onto <typeparamref name="TRecord"/>; zero or several rows throw.</summary>
    public TRecord Fetch1<TRecord>() => Single(Fetch<TRecord>(limit: 2));

    /// <summary>Asynchronous <see cref="Fetch1{TRecord}()"/>.</summary>
    public async Task<TRecord> Fetch1Async<TRecord>(CancellationToken cancellationToken = default) =>
        Single(await FetchCore<TRecord>(null, 2, null, sync: false, cancellationToken).ConfigureAwait(false));

    /// <summary>The single row as a dictionary; zero or several rows throw.</summary>
    public IReadOnlyDictionary<string, object?> Fetch1() => Single(ToDicts(limit: 2));

    /// <summary>Asynchronous <see cref="Fetch1()"/>.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> Fetch1Async(CancellationToken cancellationToken = default) =>
        Single(await ToDictsCore(null, 2, null, sync: false, cancellationToken).ConfigureAwait(false));

    /// <summary>One attribute of the single row (DataJoint's <c>fetch1("a")</c>); zero or several rows throw.</summary>
    public TValue Fetch1<TValue>(string attribute)
    {
        var values = SyncOrAsync.Wait(Fetch1Values([attribute], sync: true, CancellationToken.None));
        return ValueConverter.To<TValue>(values[0], attribute);
    }

    /// <summary>Asynchronous <see cref="Fetch1{TValue}(string)"/>.</summary>
    public async Task<TValue> Fetch1Async<TValue>(string attribute, CancellationToken cancellationToken = default)
    {
        var values = await Fetch1Values([attribute], sync: false, cancellationToken).ConfigureAwait(false);
        return ValueConverter.To<TValue>(values[0], attribute);
    }

    /// <summary>Two attributes of the single row (DataJoint's <c>fetch1("a", "b")</c>); zero or several rows throw.</summary>
    public (T1, T2) Fetch1<T1, T2>(string attribute1, string attribute2)
    {
        var values = SyncOrAsync.Wait(Fetch1Values([attribute1, attribute2], sync: true, CancellationToken.None));
        return (ValueConverter.To<T1>(values[0], attribute1), ValueConverter.To<T2>(values[1], attribute2));
    }

    /// <summary>Asynchronous <see cref="Fetch1{T1, T2}(string, string)"/>.</summary>
    public async Task<(T1, T2)> Fetch1Async<T1, T2>(string attribute1, string attribute2, CancellationToken cancellationToken = default)
    {
        var values = await Fetch1Values([attribute1, attribute2], sync: false, cancellationToken).ConfigureAwait(false);
        return (ValueConverter.To<T1>(values[0], attribute1), ValueConverter.To<T2>(values[1], attribute2));
    }

    /// <summary>Three attributes of the single row; zero or several rows throw.</summary>
    public (T1, T2, T3) Fetch1<T1, T2, T3>(string attribute1, string attribute2, string attribute3)
    {
        var values = SyncOrAsync.Wait(Fetch1Values([attribute1, attribute2, attribute3], sync: true, CancellationToken.None));
        return (ValueConverter.To<T1>(values[0], attribute1), ValueConverter.To<T2>(values[1], attribute2),
            ValueConverter.To<T3>(values[2], attribute3));
    }

    /// <summary>Asynchronous <see cref="Fetch1{T1, T2, T3}(string, string, string)"/>.</summary>
    public async Task<(T1, T2, T3)> Fetch1Async<T1, T2, T3>(string attribute1, string attribute2, string attribute3,
        CancellationToken cancellationToken = default)
    {
        var values = await Fetch1Values([attribute1, attribute2, attribute3], sync: false, cancellationToken).ConfigureAwait(false);
        return (ValueConverter.To<T1>(values[0], attribute1), ValueConverter.To<T2>(values[1], attribute2),
            ValueConverter.To<T3>(values[2], attribute3));
    }

    private async ValueTask<object?[]> Fetch1Values(string[] attributes, bool sync, CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var headings = attributes.Select(a => Heading[a]).ToArray();
        var query = WithFetchPaging(null, 2, null);
        return Single(await ReadTraced(QuerySqlGenerator.Select(query, Connection.Adapter, attributes), "Fetching one row", reader =>
        {
            var values = new object?[headings.Length];
            for (var i = 0; i < values.Length; i++) values[i] = ColumnReader.ReadValue(reader, i, headings[i]);
            return values;
        }, sync, cancellationToken).ConfigureAwait(false));
    }
}
