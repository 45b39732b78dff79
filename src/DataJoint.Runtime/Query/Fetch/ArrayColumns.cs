namespace DataJoint;

/// <summary>
/// Rows fetched column-wise (DataJoint's <c>to_arrays</c>): one array per requested attribute, all of the same length and
/// row order, and with <c>includeKey</c> the rows' primary keys as dictionaries (usable as restrictions).
/// </summary>
public sealed class ArrayColumns
{
    private readonly Dictionary<string, object?[]> _columns;

    internal ArrayColumns(IReadOnlyList<string> attributes, Dictionary<string, object?[]> columns, int count,
        IReadOnlyList<IReadOnlyDictionary<string, object?>>? keys)
    {
        Attributes = attributes;
        _columns = columns;
        Count = count;
        Keys = keys;
    }

    /// <summary>The requested attributes, in the order asked for.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The number of rows (the length of every array).</summary>
    public int Count { get; }

    /// <summary>The rows' primary keys, in row order; null unless <c>includeKey</c> was passed.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Keys { get; }

    /// <summary>The values of <paramref name="attribute"/>, in row order, as read (decoded codec values, null for NULL).</summary>
    /// <exception cref="ArgumentException">The attribute was not requested.</exception>
    public IReadOnlyList<object?> this[string attribute] => Column(attribute);

    /// <summary>The values of <paramref name="attribute"/> converted to <typeparamref name="TValue"/> (as <c>Fetch1&lt;T&gt;</c> converts).</summary>
    /// <exception cref="ArgumentException">The attribute was not requested.</exception>
    public TValue[] Get<TValue>(string attribute) => Array.ConvertAll(Column(attribute), v => ValueConverter.To<TValue>(v, attribute));

    private object?[] Column(string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return _columns.TryGetValue(attribute, out var values) ? values
            : throw new ArgumentException($"Attribute '{attribute}' was not fetched; the arrays hold {string.Join(", ", Attributes)}.", nameof(attribute));
    }
}
