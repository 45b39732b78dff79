using System.Data.Common;
using System.Runtime.CompilerServices;

namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>Number of rows (DataJoint's <c>len</c>).</summary>
    public long Count() => Connection.ReadScalar<long>(CountStatement(), "Counting rows");

    /// <summary>Number of rows.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await Connection.ReadScalarAsync<long>(CountStatement(), "Counting rows", cancellationToken).ConfigureAwait(false);

    private SqlStatement CountStatement() => QuerySqlGenerator.Count(this, Connection.Adapter);

    /// <summary>Whether the query has any row (DataJoint's <c>bool</c>).</summary>
    public bool Exists() => Connection.ReadScalar<long>(ExistsStatement(), "Checking for rows") != 0;

    /// <summary>Whether the query has any row.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await Connection.ReadScalarAsync<long>(ExistsStatement(), "Checking for rows", cancellationToken).ConfigureAwait(false) != 0;

    private SqlStatement ExistsStatement() => QuerySqlGenerator.Exists(this, Connection.Adapter);

    /// <summary>All rows as dictionaries of attribute name to value, in heading order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ToDicts(string? orderBy = null, int? limit = null, int? offset = null) =>
        Connection.ReadAll(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", DictionaryReader());

    /// <summary>Asynchronous <see cref="ToDicts"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ToDictsAsync(string? orderBy = null, int? limit = null,
        int? offset = null, CancellationToken cancellationToken = default) =>
        await Connection.ReadAllAsync(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", DictionaryReader(), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Streams the rows as dictionaries while they arrive (one open reader; nothing is buffered).</summary>
    public IAsyncEnumerable<IReadOnlyDictionary<string, object?>> StreamAsync(string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default) =>
        Connection.StreamAsync(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", DictionaryReader(), cancellationToken);

    private Func<DbDataReader, IReadOnlyDictionary<string, object?>> DictionaryReader()
    {
        var attributes = Heading.Attributes;
        return reader =>
        {
            var row = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
            for (var i = 0; i < attributes.Count; i++) row[attributes[i].Name] = ColumnReader.ReadValue(reader, i, attributes[i]);
            return row;
        };
    }

    /// <summary>The primary keys of the rows as dictionaries (DataJoint's <c>keys()</c> = <c>proj().to_dicts()</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Keys(string? orderBy = null, int? limit = null, int? offset = null) =>
        Proj().ToDicts(orderBy, limit, offset);

    /// <summary>One attribute of every row (DataJoint's <c>to_arrays("a")</c>).</summary>
    public TValue[] Column<TValue>(string attribute, string? orderBy = null, int? limit = null, int? offset = null)
    {
        var heading = Heading[attribute];
        var query = WithFetchPaging(orderBy, limit, offset);
        return Connection.ReadAll(QuerySqlGenerator.Select(query, Connection.Adapter, [attribute]), "Fetching a column", reader => ValueConverter.To<TValue>(ColumnReader.ReadValue(reader, 0, heading), attribute))
            .ToArray();
    }

    /// <summary>
    /// Rows mapped onto <typeparamref name="TRecord"/> by attribute name: settable properties or constructor
    /// parameters (positional records) whose PascalCase/camelCase names match snake_case attributes. The mapper
    /// is compiled once per type and heading.
    /// </summary>
    public IReadOnlyList<TRecord> Fetch<TRecord>(string? orderBy = null, int? limit = null, int? offset = null)
    {
        var mapper = RecordMapper<TRecord>.For(Heading);
        return Connection.ReadAll(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", mapper);
    }

    /// <summary>Asynchronous <see cref="Fetch{TRecord}"/>.</summary>
    public async Task<IReadOnlyList<TRecord>> FetchAsync<TRecord>(string? orderBy = null, int? limit = null, int? offset = null,
        CancellationToken cancellationToken = default)
    {
        var mapper = RecordMapper<TRecord>.For(Heading);
        return await Connection.ReadAllAsync(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", mapper, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Streams rows mapped onto <typeparamref name="TRecord"/> while they arrive.</summary>
    public async IAsyncEnumerable<TRecord> StreamAsync<TRecord>(string? orderBy = null, int? limit = null, int? offset = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mapper = RecordMapper<TRecord>.For(Heading);
        await foreach (var row in Connection.StreamAsync(SelectStatement(orderBy, limit, offset ?? 0), "Fetching rows", mapper, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>The single row mapped onto <typeparamref name="TRecord"/>; zero or several rows throw.</summary>
    public TRecord Fetch1<TRecord>() => Single(Fetch<TRecord>(limit: 2));

    /// <summary>The single row as a dictionary; zero or several rows throw.</summary>
    public IReadOnlyDictionary<string, object?> Fetch1() => Single(ToDicts(limit: 2));

    /// <summary>One attribute of the single row (DataJoint's <c>fetch1("a")</c>); zero or several rows throw.</summary>
    public TValue Fetch1<TValue>(string attribute)
    {
        var values = Fetch1Values([attribute]);
        return ValueConverter.To<TValue>(values[0], attribute);
    }

    /// <summary>Two attributes of the single row (DataJoint's <c>fetch1("a", "b")</c>); zero or several rows throw.</summary>
    public (T1, T2) Fetch1<T1, T2>(string attribute1, string attribute2)
    {
        var values = Fetch1Values([attribute1, attribute2]);
        return (ValueConverter.To<T1>(values[0], attribute1), ValueConverter.To<T2>(values[1], attribute2));
    }

    /// <summary>Three attributes of the single row; zero or several rows throw.</summary>
    public (T1, T2, T3) Fetch1<T1, T2, T3>(string attribute1, string attribute2, string attribute3)
    {
        var values = Fetch1Values([attribute1, attribute2, attribute3]);
        return (ValueConverter.To<T1>(values[0], attribute1), ValueConverter.To<T2>(values[1], attribute2),
            ValueConverter.To<T3>(values[2], attribute3));
    }

    private object?[] Fetch1Values(string[] attributes)
    {
        var headings = attributes.Select(a => Heading[a]).ToArray();
        var query = WithFetchPaging(null, 2, null);
        return Single(Connection.ReadAll(QuerySqlGenerator.Select(query, Connection.Adapter, attributes), "Fetching one row", reader =>
        {
            var values = new object?[headings.Length];
            for (var i = 0; i < values.Length; i++) values[i] = ColumnReader.ReadValue(reader, i, headings[i]);
            return values;
        }));
    }
}
