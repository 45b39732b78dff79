namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// Several attributes as parallel arrays (DataJoint's <c>to_arrays("a", "b")</c>); no attribute: every attribute of the
    /// heading. Only the requested attributes (and with <c>includeKey</c> the primary key) are read.
    /// </summary>
    public ArrayColumns ToArrays(params string[] attributes) => ToArrays(attributes, includeKey: false);

    /// <summary>As <see cref="ToArrays(string[])"/>, with the rows' primary keys (<see cref="ArrayColumns.Keys"/>) when <paramref name="includeKey"/>.</summary>
    public ArrayColumns ToArrays(bool includeKey, params string[] attributes) => ToArrays(attributes, includeKey);

    /// <summary>As <see cref="ToArrays(string[])"/> with every fetch option.</summary>
    public ArrayColumns ToArrays(IReadOnlyList<string> attributes, bool includeKey, string? orderBy = null, int? limit = null, int? offset = null) =>
        SyncOrAsync.Wait(ToArraysCore(attributes, includeKey, orderBy, limit, offset, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ToArrays(IReadOnlyList{string}, bool, string?, int?, int?)"/>.</summary>
    public async Task<ArrayColumns> ToArraysAsync(IReadOnlyList<string> attributes, bool includeKey = false, string? orderBy = null,
        int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        await ToArraysCore(attributes, includeKey, orderBy, limit, offset, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<ArrayColumns> ToArraysCore(IReadOnlyList<string> attributes, bool includeKey, string? orderBy, int? limit, int? offset,
        bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> requested = attributes.Count == 0 ? Heading.Names : attributes;
        IReadOnlyList<string> key = includeKey ? PrimaryKey : [];
        var fetched = key.Concat(requested).Distinct(StringComparer.Ordinal).ToList();
        var headings = fetched.Select(a => Heading[a]).ToArray();
        var query = WithFetchPaging(orderBy, limit, offset);
        var rows = await ReadTraced(QuerySqlGenerator.Select(query, Connection.Adapter, fetched), "Fetching arrays", reader =>
        {
            var values = new object?[headings.Length];
            for (var i = 0; i < values.Length; i++) values[i] = ColumnReader.ReadValue(reader, i, headings[i]);
            return values;
        }, sync, cancellationToken).ConfigureAwait(false);

        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        for (var c = 0; c < fetched.Count; c++)
        {
            if (!requested.Contains(fetched[c])) continue;
            var column = new object?[rows.Count];
            for (var r = 0; r < rows.Count; r++) column[r] = rows[r][c];
            columns[fetched[c]] = column;
        }

        var keys = includeKey
            ? rows.Select(row => (IReadOnlyDictionary<string, object?>)key.Select((k, i) => (k, row[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal))
                .ToList()
            : null;
        return new ArrayColumns(requested.ToList(), columns, rows.Count, keys);
    }
}
