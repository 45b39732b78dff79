namespace DataJoint;

public abstract partial class AutoPopulated
{
    /// <summary>
    /// Inside <c>Make</c> (or <c>MakeInsert</c>): the trace of the key being made (DataJoint 2.3's <c>self.upstream</c>), i.e.
    /// <c>Diagram.Trace(this &amp; key)</c>, built on first use and kept for the rest of that Make. Read an ancestor's rows with
    /// <c>Upstream()["Session"]</c> or <c>Upstream()[sessionTable]</c>.
    /// </summary>
    /// <remarks>A method, not a property: the first call reads the foreign keys (no property getter of the library talks to the server).</remarks>
    /// <exception cref="InvalidOperationException">Called outside this table's Make.</exception>
    public Diagram Upstream() => SyncOrAsync.Wait(UpstreamCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Upstream()"/>.</summary>
    public async Task<Diagram> UpstreamAsync(CancellationToken cancellationToken = default) =>
        await UpstreamCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<Diagram> UpstreamCore(bool sync, CancellationToken cancellationToken)
    {
        var scope = MakeScope.Of(this) ?? throw new InvalidOperationException(
            $"Upstream is only available inside Make of {FullTableName} (and MakeInsert of a three-part make), where it traces the key being made.");
        if (scope.Upstream is { } known) return known;
        // The key's row is not inserted yet: its parents are restricted by the key itself (DataJoint's copy rule).
        var seed = (Table)Restrict(scope.Key);
        var attributes = scope.KeyValues.Keys.ToList();
        return scope.Upstream = await Diagram.TraceKey(seed, attributes, sync, cancellationToken).ConfigureAwait(false);
    }
}
