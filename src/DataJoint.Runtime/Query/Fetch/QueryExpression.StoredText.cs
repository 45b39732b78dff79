namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// The text one column holds in every row, as stored (a codec's metadata JSON, not decoded: nothing is read from
    /// a store); NULLs are left out. Garbage collection reads the references of stored objects through this.
    /// </summary>
    internal async ValueTask<List<string>> ReadStoredText(string attribute, bool sync, CancellationToken cancellationToken)
    {
        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var values = await ReadTraced(QuerySqlGenerator.Select(this, Connection.Adapter, [attribute]), $"Reading the stored metadata of `{attribute}`",
            reader => reader.IsDBNull(0) ? null : ColumnReader.ReadString(reader, 0), sync, cancellationToken,
            reads: static _ => false).ConfigureAwait(false);
        return values.OfType<string>().ToList();
    }
}
