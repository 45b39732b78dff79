using System.Collections;

namespace DataJoint;

/// <summary>
/// Structural equality for the values a blob holds: arrays (shape and elements), lists, sets and dictionaries compare
/// by content, everything else by <see cref="object.Equals(object?)"/>. It lets <see cref="NDArray{T}"/>,
/// <see cref="MatCell"/> and <see cref="MatStruct"/> compare equal when their nested arrays do.
/// </summary>
internal sealed class BlobValueComparer : IEqualityComparer<object?>
{
    public static readonly BlobValueComparer Instance = new();

    private BlobValueComparer() { }

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;

        // Struct elements compare by fields whatever dictionary type holds them.
        if (x is IReadOnlyDictionary<string, object?> fieldsX && y is IReadOnlyDictionary<string, object?> fieldsY) return FieldsEqual(fieldsX, fieldsY);
        if (x.GetType() != y.GetType()) return false;
        return (x, y) switch
        {
            (Array a, Array b) => ArraysEqual(a, b),
            (IDictionary a, IDictionary b) => DictionariesEqual(a, b),
            (ISet<object?> a, ISet<object?> b) => a.SetEquals(b),
            (IList a, IList b) => ListsEqual(a, b),
            _ => x.Equals(y),
        };
    }

    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        IReadOnlyDictionary<string, object?> fields => fields.Count, // equal whatever dictionary type holds the fields
        ICollection collection => HashCode.Combine(collection.GetType(), collection.Count),
        _ => obj.GetHashCode(),
    };

    private bool ArraysEqual(Array a, Array b)
    {
        if (a.Rank != b.Rank || a.Length != b.Length) return false;
        for (var k = 0; k < a.Rank; k++)
        {
            if (a.GetLength(k) != b.GetLength(k)) return false;
        }

        var left = a.GetEnumerator();
        var right = b.GetEnumerator();
        while (left.MoveNext() && right.MoveNext())
        {
            if (!Equals(left.Current, right.Current)) return false;
        }

        return true;
    }

    private bool ListsEqual(IList a, IList b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!Equals(a[i], b[i])) return false;
        }

        return true;
    }

    private bool FieldsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !Equals(value, other)) return false;
        }

        return true;
    }

    private bool DictionariesEqual(IDictionary a, IDictionary b)
    {
        if (a.Count != b.Count) return false;
        foreach (DictionaryEntry entry in a)
        {
            if (!b.Contains(entry.Key) || !Equals(entry.Value, b[entry.Key])) return false;
        }

        return true;
    }
}
