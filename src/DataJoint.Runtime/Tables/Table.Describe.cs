namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// The table's definition as the database holds it, written as DataJoint's <c>describe()</c> writes it (docs/existing-schemas.md):
    /// comment line, attributes with their DataJoint types and defaults, <c>---</c>, <c>-&gt; Parent</c> lines (parents of
    /// the same schema by class name, others by full table name) with renames and options, and indexes — on both backends.
    /// </summary>
    /// <exception cref="MissingTableException">The table does not exist.</exception>
    public string Describe() => SyncOrAsync.Wait(DescribeCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Describe"/>.</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken = default) =>
        await DescribeCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<string> DescribeCore(bool sync, CancellationToken cancellationToken)
    {
        var existing = await ExistingTable.Read(Connection, Schema.Name, SqlTableName, sync, cancellationToken).ConfigureAwait(false);
        return TableDescriber.Describe(existing, Connection.Adapter);
    }
}
