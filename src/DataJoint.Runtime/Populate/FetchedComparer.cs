using System.Collections;
using System.Runtime.CompilerServices;

namespace DataJoint;

/// <summary>
/// Decides whether the three-part Make's fetched data changed between the fetch outside the transaction and the
/// re-fetch inside it. DataJoint hashes the fetched tuple (DeepHash); here the two values are compared structurally,
/// which needs no serializer and has no hash collisions:
/// tuples, DataJoint records (<see cref="IRecord"/>: rows and keys), dictionaries and collections (arrays, lists,
/// byte arrays) element by element and in order; floating-point numbers bit for bit (NaN equals NaN); anything else
/// with <see cref="object.Equals(object)"/> — give your own fetched types value equality (records do, except for their
/// collection-typed members, which compare by reference: return those as separate tuple elements instead).
/// </summary>
internal static class FetchedComparer
{
    public static bool AreEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        switch (a)
        {
            case string sa:
                return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case double da:
                return b is double db && da.Equals(db);
            case float fa:
                return b is float fb && fa.Equals(fb);
            case ITuple ta:
                return b is ITuple tb && ta.Length == tb.Length && Enumerable.Range(0, ta.Length).All(i => AreEqual(ta[i], tb[i]));
            case IRecord ra:
                return b is IRecord rb && a.GetType() == b.GetType() && SequenceEqual(ra.GetAttributeValues(), rb.GetAttributeValues());
            case IDictionary mapA when b is IDictionary mapB:
                return mapA.Count == mapB.Count && mapA.Keys.Cast<object>().All(k => mapB.Contains(k) && AreEqual(mapA[k], mapB[k]));
            case IReadOnlyDictionary<string, object?> rowA when b is IReadOnlyDictionary<string, object?> rowB:
                return rowA.Count == rowB.Count && rowA.All(p => rowB.TryGetValue(p.Key, out var value) && AreEqual(p.Value, value));
            case IEnumerable ea when b is IEnumerable eb:
                return SequenceEqual(ea.Cast<object?>(), eb.Cast<object?>());
            default:
                return a.Equals(b);
        }
    }

    private static bool SequenceEqual<T>(IEnumerable<T> a, IEnumerable<T> b)
    {
        using var ea = a.GetEnumerator();
        using var eb = b.GetEnumerator();
        while (true)
        {
            var hasA = ea.MoveNext();
            var hasB = eb.MoveNext();
            if (hasA != hasB) return false;
            if (!hasA) return true;
            if (!AreEqual(ea.Current, eb.Current)) return false;
        }
    }
}
