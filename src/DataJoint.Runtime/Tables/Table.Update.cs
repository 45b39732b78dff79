namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Changes secondary attributes of one existing row (docs/semantics.md#update). <paramref name="row"/> (a Row record,
    /// anonymous object or dictionary) carries the full primary key and the attributes to set; null sets the
    /// attribute's default (NULL when nullable).
    /// </summary>
    /// <exception cref="DataJointException">The table is restricted, the key is incomplete, or it does not match exactly one row.</exception>
    /// <exception cref="UnknownAttributeException">The row names an attribute the table lacks.</exception>
    public void Update1(object row) => SyncOrAsync.Wait(Update1Core(row, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Update1"/>.</summary>
    public async Task Update1Async(object row, CancellationToken cancellationToken = default) =>
        await Update1Core(row, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask Update1Core(object row, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (IsRestricted)
        {
            throw new InvalidOperationException($"Update1 cannot be applied to a restricted table: call it on {FullTableName} itself with the full key.");
        }

        await PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var writer = new InsertWriter(this, new InsertOptions(false, false, false, AllowDirectInsert: true));
        var values = writer.ToValues(row);
        var heading = Heading;
        var key = new Dictionary<string, object?>(StringComparer.Ordinal);
        var changes = new List<(HeadingAttribute Attribute, object? Value)>();
        for (var i = 0; i < values.Length; i++)
        {
            var attribute = heading.Attributes[i];
            var given = !ReferenceEquals(values[i], InsertWriter.Omitted);
            if (attribute.InKey)
            {
                if (!given || values[i] is null)
                {
                    throw new ArgumentException($"Update1 on {FullTableName} needs the full primary key; `{attribute.Name}` is missing.");
                }

                key[attribute.Name] = values[i];
            }
            else if (given)
            {
                changes.Add((attribute, values[i]));
            }
        }

        if (changes.Count == 0) return;
        var target = WithRestriction(key, semanticCheck: false, negate: false);
        if (await target.CountCore(sync, cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new DataJointException($"Update can only be applied to one existing entry: no row of {FullTableName} has the key "
                + $"{string.Join(", ", key.Select(k => $"{k.Key}={k.Value}"))}.");
        }

        var adapter = Connection.Adapter;
        var set = new List<(string, object?)>(changes.Count);
        foreach (var (attribute, value) in changes)
        {
            var encoded = await StoredValue.Encode(attribute, value, CodecTarget, Heading.PrimaryKey.Select(k => (k, key[k])).ToList(), sync,
                cancellationToken).ConfigureAwait(false);
            set.Add((attribute.Name, encoded is null ? StatementBuilder.Default : adapter.ToDbValue(attribute.Spec, encoded)));
        }

        await SyncOrAsync.Execute(Connection, StatementBuilder.Update(adapter, FullTableName, set, StatementBuilder.WhereOf(target)), $"Updating {FullTableName}",
            sync, cancellationToken).ConfigureAwait(false);
    }
}
