using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace DataJoint;

// Placeholders for the Make forms a table does not declare. The generated wiring calls every form by name; C# prefers
// the table's own method whenever it applies (members of the most derived type win), so a placeholder is only bound
// when the form is absent, and its MakeMissing result selects the "absent" overload of MakeBinding. They are instance
// members because the wiring calls them through the table (`t.Make(k)`), and they do nothing.
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called as t.Make(k) by generated code.")]
[SuppressMessage("Style", "IDE0060:Remove unused parameter", Justification = "The signature is what selects the placeholder.")]
public abstract partial class AutoPopulated
{
    /// <summary>Placeholder for an absent <c>Make(Key)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing Make<TKey>(TKey key) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeAsync(Key)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeAsync<TKey>(TKey key) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeAsync(Key, CancellationToken)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeAsync<TKey>(TKey key, CancellationToken cancellationToken) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeFetch(Key)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeFetch<TKey>(TKey key) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeFetchAsync(Key, CancellationToken)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeFetchAsync<TKey>(TKey key, CancellationToken cancellationToken) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeCompute(Key, TFetched)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeCompute<TKey, TFetched>(TKey key, TFetched fetched) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeComputeAsync(Key, TFetched, CancellationToken)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeComputeAsync<TKey, TFetched>(TKey key, TFetched fetched, CancellationToken cancellationToken) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeInsert(Key, TComputed)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeInsert<TKey, TComputed>(TKey key, TComputed computed) => MakeMissing.Value;

    /// <summary>Placeholder for an absent <c>MakeInsertAsync(Key, TComputed, CancellationToken)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MakeMissing MakeInsertAsync<TKey, TComputed>(TKey key, TComputed computed, CancellationToken cancellationToken) => MakeMissing.Value;
}
