using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// The one reader of "the attribute values of a record": a generated <see cref="IRecord"/> (no reflection), a dictionary
/// (generic or not), or an anonymous object / POCO whose public properties are named in PascalCase for snake_case
/// attributes (the property list is cached per type). Restrictions, inserts, updates and job keys all read records here.
/// </summary>
internal static class RecordValues
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Name/value pairs of <paramref name="record"/>; null when it is a record of none of the known shapes.</summary>
    /// <remarks>Strings, queries and other collections are not records; callers say what they accept instead.</remarks>
    public static IEnumerable<KeyValuePair<string, object?>>? TryRead(object record) => record switch
    {
        IRecord generated => generated.GetAttributeValues(),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs,
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString()!, dictionary[k])),
        string or IEnumerable or QueryExpression => null,
        _ => PropertiesOf(record),
    };

    /// <summary>Public properties of an anonymous object or POCO, PascalCase names mapped to snake_case.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> PropertiesOf(object value)
    {
        var properties = Properties.GetOrAdd(value.GetType(),
            t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray());
        foreach (var p in properties)
        {
            yield return new(Naming.PascalToSnake(p.Name), p.GetValue(value));
        }
    }
}
