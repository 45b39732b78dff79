using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// Maps result columns onto the settable properties of an arbitrary class by name. Used for user records
/// (generated tables have generated mappers); the property lookup is done once per record type and heading.
/// </summary>
internal sealed class RecordMapper<TRecord> where TRecord : new()
{
    private static readonly ConcurrentDictionary<string, RecordMapper<TRecord>> Cache = new();

    private readonly (int Ordinal, HeadingAttribute Attribute, PropertyInfo Property)[] _bindings;

    private RecordMapper(Heading heading)
    {
        var properties = typeof(TRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => Naming.PascalToSnake(p.Name), StringComparer.Ordinal);
        var bindings = new List<(int, HeadingAttribute, PropertyInfo)>();
        for (var i = 0; i < heading.Attributes.Count; i++)
        {
            var attribute = heading.Attributes[i];
            if (properties.TryGetValue(attribute.Name, out var property)) bindings.Add((i, attribute, property));
        }

        _bindings = bindings.ToArray();
    }

    public static RecordMapper<TRecord> For(Heading heading) =>
        Cache.GetOrAdd(string.Join(",", heading.Names), _ => new RecordMapper<TRecord>(heading));

    public TRecord Read(DbDataReader reader)
    {
        var record = new TRecord();
        foreach (var (ordinal, attribute, property) in _bindings)
        {
            var value = ColumnReader.ReadValue(reader, ordinal, attribute);
            if (value is null) continue;
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(record, ValueConverter.Convert(value, target));
        }

        return record;
    }
}
