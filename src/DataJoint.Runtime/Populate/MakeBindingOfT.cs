using System.ComponentModel;
using System.Data.Common;

namespace DataJoint;

/// <summary>
/// The Make wiring of table <typeparamref name="TTable"/> with primary key <typeparamref name="TKey"/>. The generated
/// code calls <c>UseMake</c>, <c>UseMakeAsync</c> and <c>UseThreePart</c> with lambdas that call each Make form by
/// name; overload resolution picks the overload matching what the table declares (a missing form binds to the
/// <see cref="MakeMissing"/> placeholders). Precedence when several forms exist: <c>MakeAsync</c>, then <c>Make</c>,
/// then the three-part form. Not meant for user code.
/// </summary>
/// <typeparam name="TTable">The table class.</typeparam>
/// <typeparam name="TKey">Its generated <c>Key</c> record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MakeBinding<TTable, TKey> : MakeBinding
    where TTable : AutoPopulated
    where TKey : IRecord
{
    private readonly RowMapper<TKey> _keys;
    private Func<TTable, TKey, bool, CancellationToken, ValueTask>? _make;
    private Func<TTable, TKey, bool, CancellationToken, ValueTask>? _makeAsync;
    private MakeThreePart<TTable, TKey>? _threePart;
    private string? _makeForm;
    private string? _makeAsyncForm;

    /// <summary>Starts the wiring with the generated key reader.</summary>
    public MakeBinding(RowMapper<TKey> keyMapper) => _keys = keyMapper;

    /// <inheritdoc/>
    internal override string? Form => _makeAsyncForm ?? _makeForm ?? (_threePart is not null ? "MakeFetch → MakeCompute → MakeInsert" : null);

    /// <inheritdoc/>
    internal override bool IsThreePart => _makeAsync is null && _make is null && _threePart is not null;

    /// <summary><c>void Make(Key key)</c>.</summary>
    public void UseMake(Action<TTable, TKey> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        _make = (t, k, _, _) =>
        {
            make(t, k);
            return default;
        };
        _makeForm = "Make(Key)";
    }

    /// <summary><c>Task Make(Key key)</c>.</summary>
    public void UseMake(Func<TTable, TKey, Task> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        _make = (t, k, sync, _) => Complete(make(t, k), sync);
        _makeForm = "Make(Key) returning Task";
    }

    /// <summary>No <c>Make(Key)</c>.</summary>
    public void UseMake(Func<TTable, TKey, MakeMissing> absent)
    {
    }

    /// <summary><c>Task MakeAsync(Key key, CancellationToken ct)</c> (a variant without the token also exists).</summary>
    public void UseMakeAsync(Func<TTable, TKey, CancellationToken, Task> make, Func<TTable, TKey, Task> withoutToken) =>
        UseMakeAsync(make, (Func<TTable, TKey, MakeMissing>)((_, _) => MakeMissing.Value));

    /// <summary><c>Task MakeAsync(Key key, CancellationToken ct)</c>.</summary>
    public void UseMakeAsync(Func<TTable, TKey, CancellationToken, Task> make, Func<TTable, TKey, MakeMissing> absent)
    {
        ArgumentNullException.ThrowIfNull(make);
        _makeAsync = (t, k, sync, ct) => Complete(make(t, k, ct), sync);
        _makeAsyncForm = "MakeAsync(Key, CancellationToken)";
    }

    /// <summary><c>Task MakeAsync(Key key)</c>.</summary>
    public void UseMakeAsync(Func<TTable, TKey, CancellationToken, MakeMissing> absent, Func<TTable, TKey, Task> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        _makeAsync = (t, k, sync, _) => Complete(make(t, k), sync);
        _makeAsyncForm = "MakeAsync(Key)";
    }

    /// <summary>No <c>MakeAsync</c>.</summary>
    public void UseMakeAsync(Func<TTable, TKey, CancellationToken, MakeMissing> absent, Func<TTable, TKey, MakeMissing> absentWithoutToken)
    {
    }

    /// <summary><c>Task&lt;T&gt; MakeFetchAsync(Key key, CancellationToken ct)</c>.</summary>
    public MakeStep<TTable, TKey, TFetched> Fetch<TFetched>(Func<TTable, TKey, CancellationToken, Task<TFetched>> fetch,
        Func<TTable, TKey, MakeMissing> absent)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return new(async (t, k, _, sync, ct) => await Complete(fetch(t, k, ct), sync).ConfigureAwait(false), null);
    }

    /// <summary><c>Task&lt;T&gt; MakeFetch(Key key)</c>.</summary>
    public MakeStep<TTable, TKey, TFetched> Fetch<TFetched>(Func<TTable, TKey, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, Task<TFetched>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return new(async (t, k, _, sync, _) => await Complete(fetch(t, k), sync).ConfigureAwait(false), null);
    }

    /// <summary><c>T MakeFetch(Key key)</c>.</summary>
    public MakeStep<TTable, TKey, TFetched> Fetch<TFetched>(Func<TTable, TKey, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, TFetched> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return new((t, k, _, _, _) => new ValueTask<object?>(fetch(t, k)), null);
    }

    /// <summary>No fetch phase.</summary>
    public MakeStep<TTable, TKey, MakeMissing> Fetch(Func<TTable, TKey, CancellationToken, MakeMissing> absent,
        Func<TTable, TKey, MakeMissing> absentWithoutToken) => new(null, null);

    /// <summary>Completes the three-part form (ignored unless all three phases exist).</summary>
    public void UseThreePart(MakeThreePart<TTable, TKey> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.IsComplete) _threePart = parts;
    }

    internal override IRecord ReadKey(DbDataReader reader) => _keys.Read(reader);

    internal override ValueTask MakeAsync(AutoPopulated table, IRecord key, bool sync, CancellationToken cancellationToken)
    {
        var make = _makeAsync ?? _make ?? throw NoForm(table);
        return make((TTable)table, (TKey)key, sync, cancellationToken);
    }

    internal override ValueTask<object?> FetchAsync(AutoPopulated table, IRecord key, bool sync, CancellationToken cancellationToken) =>
        Parts(table).Fetch!((TTable)table, (TKey)key, null, sync, cancellationToken);

    internal override ValueTask<object?> ComputeAsync(AutoPopulated table, IRecord key, object? fetched, bool sync,
        CancellationToken cancellationToken) =>
        Parts(table).Compute!((TTable)table, (TKey)key, fetched, sync, cancellationToken);

    internal override async ValueTask InsertAsync(AutoPopulated table, IRecord key, object? computed, bool sync,
        CancellationToken cancellationToken) =>
        await Parts(table).Insert!((TTable)table, (TKey)key, computed, sync, cancellationToken).ConfigureAwait(false);

    private MakeThreePart<TTable, TKey> Parts(AutoPopulated table) => _threePart ?? throw NoForm(table);
}
