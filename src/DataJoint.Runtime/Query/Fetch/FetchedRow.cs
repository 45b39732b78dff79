using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DataJoint;

/// <summary>
/// One row of <see cref="QueryExpression.ToDicts"/>: the values in heading order and the attribute names shared by every
/// row of the fetch. A <see cref="Dictionary{TKey, TValue}"/> per row cost three arrays and its own hash table each,
/// three times the typed path's allocation.
/// </summary>
internal sealed class FetchedRow : IReadOnlyDictionary<string, object?>
{
    private readonly FetchedRowNames _names;
    private readonly object?[] _values;

    public FetchedRow(FetchedRowNames names, object?[] values)
    {
        _names = names;
        _values = values;
    }

    public int Count => _values.Length;

    public object? this[string key] => _names.TryGetOrdinal(key, out var ordinal)
        ? _values[ordinal]
        : throw new KeyNotFoundException($"The fetched row has no attribute '{key}' (it has {string.Join(", ", _names.Names)}).");

    public IEnumerable<string> Keys => _names.Names;

    public IEnumerable<object?> Values => _values;

    public bool ContainsKey(string key) => _names.TryGetOrdinal(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_names.TryGetOrdinal(key, out var ordinal))
        {
            value = _values[ordinal];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++) yield return new KeyValuePair<string, object?>(_names.Names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
