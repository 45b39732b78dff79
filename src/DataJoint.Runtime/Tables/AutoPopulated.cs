using System.ComponentModel;

namespace DataJoint;

/// <summary>
/// Base of the tiers whose rows <c>Make</c> writes during populate (<see cref="Imported"/>, <see cref="Computed"/>).
/// The source generator wires the table's Make method (<c>void Make(Key)</c>, <c>Task MakeAsync(Key, CancellationToken)</c>
/// or <c>MakeFetch</c> → <c>MakeCompute</c> → <c>MakeInsert</c>) into <see cref="CreateMakeBinding"/>; populate calls it
/// once per missing key of <see cref="KeySource"/>, each key in its own transaction.
/// </summary>
public abstract partial class AutoPopulated : UserTable
{
    private MakeBinding? _binding;
    private JobTable? _jobs;

    /// <inheritdoc/>
    protected internal override bool RequiresMakeForInsert => true;

    /// <summary>
    /// The keys populate computes: by default the join of the primary-key parents, each projected to its primary key
    /// (renamed foreign keys with their renames applied). Override to return any query expression whose primary-key
    /// attributes all exist in this table (built from <c>Schema.Table&lt;T&gt;()</c> handles of the same schema).
    /// </summary>
    public virtual QueryExpression KeySource => DefaultKeySource.For(this);

    /// <summary>
    /// This table's job table (<c>~~name</c>): the queue distributed populate (<see cref="PopulateOptions.ReserveJobs"/>)
    /// reserves keys from. Getting it sends nothing; its operations (and fetches or counts of it) declare it when missing.
    /// </summary>
    public JobTable Jobs => _jobs ??= JobTable.For(this);

    /// <summary>The generated Make wiring; the source generator overrides this for every Computed and Imported table.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual MakeBinding? CreateMakeBinding() => null;

    internal MakeBinding Binding => _binding ??= CreateMakeBinding()
        ?? throw new DataJointException($"{TableDefinition.ClassName} has no generated Make wiring. Make sure the DataJoint source generator "
            + "runs for this project and the class is declared with [Definition] and a Make method.");

    /// <summary>
    /// Calls Make for every key of <see cref="KeySource"/> (restricted by <paramref name="restrictions"/>, ANDed) that is
    /// missing from this table, each key in its own transaction.
    /// </summary>
    /// <param name="restrictions">Conditions of any kind <c>&amp;</c> accepts; attributes the key source lacks are ignored.</param>
    /// <returns>The number of keys made and the errors (empty unless errors are suppressed).</returns>
    public PopulateResult Populate(params object[] restrictions) => Populate(new PopulateOptions(), restrictions);

    /// <summary>As <see cref="Populate(object[])"/>, with options (errors, limits, distributed jobs, parallelism, progress).</summary>
    public PopulateResult Populate(PopulateOptions options, params object[] restrictions) =>
        SyncOrAsync.Wait(PopulateEngine.Run(this, options, restrictions, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Populate(object[])"/>.</summary>
    public Task<PopulateResult> PopulateAsync(params object[] restrictions) => PopulateAsync(new PopulateOptions(), restrictions, CancellationToken.None);

    /// <summary>Asynchronous <see cref="Populate(object[])"/> of every missing key, cancellable.</summary>
    public Task<PopulateResult> PopulateAsync(CancellationToken cancellationToken) => PopulateAsync(new PopulateOptions(), [], cancellationToken);

    /// <summary>Asynchronous <see cref="Populate(PopulateOptions, object[])"/>.</summary>
    public Task<PopulateResult> PopulateAsync(PopulateOptions options, params object[] restrictions) =>
        PopulateAsync(options, restrictions, CancellationToken.None);

    /// <summary>Asynchronous <see cref="Populate(PopulateOptions, object[])"/> of every missing key, cancellable.</summary>
    public Task<PopulateResult> PopulateAsync(PopulateOptions options, CancellationToken cancellationToken) =>
        PopulateAsync(options, [], cancellationToken);

    /// <summary>
    /// Asynchronous <see cref="Populate(PopulateOptions, object[])"/>. Cancelling rolls back the key in progress, releases its
    /// reservation and throws <see cref="OperationCanceledException"/>; keys already made stay committed.
    /// </summary>
    public Task<PopulateResult> PopulateAsync(PopulateOptions options, object[] restrictions, CancellationToken cancellationToken = default) =>
        PopulateEngine.Run(this, options, restrictions, sync: false, cancellationToken).AsTask();

    /// <summary>How many keys of the (restricted) key source are still missing from this table, and how many there are.</summary>
    public (long Remaining, long Total) Progress(params object[] restrictions) =>
        SyncOrAsync.Wait(ProgressCore(restrictions, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Progress"/>.</summary>
    public Task<(long Remaining, long Total)> ProgressAsync(params object[] restrictions) => ProgressAsync(restrictions, CancellationToken.None);

    /// <summary>Asynchronous <see cref="Progress"/> over the whole key source, cancellable.</summary>
    public Task<(long Remaining, long Total)> ProgressAsync(CancellationToken cancellationToken) => ProgressAsync([], cancellationToken);

    /// <summary>Asynchronous <see cref="Progress"/>.</summary>
    public async Task<(long Remaining, long Total)> ProgressAsync(object[] restrictions, CancellationToken cancellationToken = default) =>
        await ProgressCore(restrictions, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<(long Remaining, long Total)> ProgressCore(object[] restrictions, bool sync, CancellationToken cancellationToken)
    {
        var todo = PopulateEngine.Todo(this, restrictions);
        var remainingKeys = todo.RestrictNot(KeyProjection.Of(this, PrimaryKey), semanticCheck: false);
        var total = await todo.CountCore(sync, cancellationToken).ConfigureAwait(false);
        var remaining = await remainingKeys.CountCore(sync, cancellationToken).ConfigureAwait(false);
        return (remaining, total);
    }
}
