namespace DataJoint;

/// <summary>
/// A MATLAB struct array (DataJoint-Python's <c>MatStruct</c>): an array whose every element has the same named fields,
/// packed as the blob's <c>S</c> structure. The field order is kept because it is part of the stored bytes.
/// </summary>
/// <remarks>Immutable; equality is structural over field names, shape and field values.</remarks>
public sealed class MatStruct : IEquatable<MatStruct>
{
    private readonly string[] _fieldNames;

    /// <summary>Creates a struct array from its field names and its elements (each a dictionary of exactly those fields).</summary>
    /// <param name="fieldNames">The field names in stored order: non-empty, distinct, without NUL characters.</param>
    /// <param name="elements">The elements with the array's shape (MATLAB writes at least two dimensions).</param>
    /// <exception cref="ArgumentException">A field name is invalid or repeated, or an element's fields differ from <paramref name="fieldNames"/>.</exception>
    public MatStruct(IEnumerable<string> fieldNames, NDArray<IReadOnlyDictionary<string, object?>> elements)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(elements);
        _fieldNames = [.. fieldNames];
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _fieldNames)
        {
            if (string.IsNullOrEmpty(name) || name.Contains('\0', StringComparison.Ordinal) || !distinct.Add(name))
            {
                throw new ArgumentException($"The field name '{name}' is empty, contains NUL or is repeated.", nameof(fieldNames));
            }
        }

        foreach (var element in elements.Elements)
        {
            if (element is null || element.Count != _fieldNames.Length || !_fieldNames.All(element.ContainsKey))
            {
                throw new ArgumentException($"Every element of a struct array must have exactly the fields {string.Join(", ", _fieldNames)}.",
                    nameof(elements));
            }
        }

        Elements = elements;
    }

    /// <summary>Creates a 1×1 struct (MATLAB's <c>struct('a', 1, …)</c>) with the fields of <paramref name="fields"/>, in its enumeration order.</summary>
    /// <param name="fields">Field names and values.</param>
    public MatStruct(IReadOnlyDictionary<string, object?> fields)
        : this((fields ?? throw new ArgumentNullException(nameof(fields))).Keys, new NDArray<IReadOnlyDictionary<string, object?>>([1, 1], [fields]))
    {
    }

    /// <summary>The field names in stored order.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>The elements with the array's shape, in row-major order.</summary>
    public NDArray<IReadOnlyDictionary<string, object?>> Elements { get; }

    /// <summary>The length of every dimension.</summary>
    public IReadOnlyList<int> Shape => Elements.Shape;

    /// <summary>The fields of the element at <paramref name="index"/>, one zero-based index per dimension.</summary>
    /// <param name="index">The index in every dimension.</param>
    public IReadOnlyDictionary<string, object?> this[params int[] index] => Elements[index];

    /// <summary>Compares field names, shape and values.</summary>
    public static bool operator ==(MatStruct? left, MatStruct? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares field names, shape and values.</summary>
    public static bool operator !=(MatStruct? left, MatStruct? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(MatStruct? other) =>
        other is not null && _fieldNames.AsSpan().SequenceEqual(other._fieldNames) && Elements.Equals(other.Elements);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MatStruct);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(string.Join('\0', _fieldNames), Elements.Shape.Count);

    /// <summary>The field names and shape, e.g. <c>MatStruct (a, b) shape (1, 2)</c>.</summary>
    public override string ToString() => $"MatStruct ({string.Join(", ", _fieldNames)}) shape ({string.Join(", ", Elements.Shape)})";
}
