using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// Maps result columns onto an arbitrary class or record by name. Generated tables have generated mappers;
/// for other types an expression tree is compiled once per type and heading, so rows are materialized
/// without per-row reflection. Constructor parameters (positional records) and settable properties are both
/// filled; names match when their snake_case form equals the attribute name.
/// </summary>
internal static class RecordMapper<TRecord>
{
    private static readonly ConcurrentDictionary<string, (Func<DbDataReader, TRecord> Read, IReadOnlySet<string> Reads)> Cache = new();

    /// <summary>The mapper for rows of <paramref name="heading"/>, and the attributes it reads (those the record has).</summary>
    public static (Func<DbDataReader, TRecord> Read, IReadOnlySet<string> Reads) For(Heading heading) =>
        Cache.GetOrAdd(string.Join(",", heading.Attributes.Select(a => a.Name + ":" + a.Type)), _ => Compile(heading));

    private static (Func<DbDataReader, TRecord>, IReadOnlySet<string>) Compile(Heading heading)
    {
        var type = typeof(TRecord);
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinals = heading.Attributes.Select((a, i) => (a, i)).ToDictionary(x => x.a.Name, x => x.i, StringComparer.Ordinal);

        Expression Read(string attribute, Type target)
        {
            var ordinal = Expression.Constant(ordinals[attribute]);
            var column = heading.Attributes[ordinals[attribute]];

            // Fast path: the record asks for the attribute's natural CLR type, so the typed reader is called
            // directly (no boxing); anything else goes through the converting reader.
            var underlying = Nullable.GetUnderlyingType(target) ?? target;
            if (TypedReader(column.Spec.Category) is { } typed && typed.ReturnType == underlying)
            {
                // A decimal is read at its declared scale (ColumnReader.ReadDecimal).
                Expression value = typed.GetParameters().Length == 3
                    ? Expression.Call(typed, reader, ordinal, Expression.Constant(column.Spec.Scale ?? 0))
                    : Expression.Call(typed, reader, ordinal);
                if (underlying != target) value = Expression.Convert(value, target);
                if (!target.IsValueType || underlying != target)
                {
                    var isNull = Expression.Call(reader, typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!, ordinal);
                    return Expression.Condition(isNull, Expression.Default(target), value);
                }

                var method = typeof(RecordMapper<TRecord>).GetMethod(nameof(NotNull), BindingFlags.NonPublic | BindingFlags.Static)!;
                return Expression.Block(Expression.Call(method, reader, ordinal, Expression.Constant(column.Name), Expression.Constant(target)), value);
            }

            var convert = typeof(RecordMapper<TRecord>).GetMethod(nameof(ReadColumn), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(target);
            return Expression.Call(convert, reader, ordinal, Expression.Constant(column));
        }

        var constructor = type.GetConstructors()
            .Where(c => c.GetParameters().All(p => ordinals.ContainsKey(Naming.PascalToSnake(p.Name!)) || p.HasDefaultValue))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null && !type.IsValueType)
        {
            throw new DataJointException($"{type.Name} cannot receive rows of this query: it needs a public parameterless constructor or a "
                + $"constructor whose parameters are attributes of the query ({string.Join(", ", heading.Names)}).");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var arguments = new List<Expression>();
        foreach (var p in constructor?.GetParameters() ?? [])
        {
            var name = Naming.PascalToSnake(p.Name!);
            if (ordinals.ContainsKey(name))
            {
                used.Add(name);
                arguments.Add(Read(name, p.ParameterType));
            }
            else
            {
                arguments.Add(Expression.Constant(p.DefaultValue, p.ParameterType));
            }
        }

        NewExpression create = constructor is null ? Expression.New(type) : Expression.New(constructor, arguments);
        var bindings = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            .Select(p => (Property: p, Name: Naming.PascalToSnake(p.Name)))
            .Where(x => ordinals.ContainsKey(x.Name) && used.Add(x.Name))
            .Select(x => (MemberBinding)Expression.Bind(x.Property, Read(x.Name, x.Property.PropertyType)))
            .ToList();
        Expression body = bindings.Count > 0 ? Expression.MemberInit(create, bindings) : create;
        return (Expression.Lambda<Func<DbDataReader, TRecord>>(body, reader).Compile(), used);
    }

    private static MethodInfo? TypedReader(TypeCategory category) => category switch
    {
        TypeCategory.Int8 => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadInt8)),
        TypeCategory.Int16 => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadInt16)),
        TypeCategory.Int32 => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadInt32)),
        TypeCategory.Int64 => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadInt64)),
        TypeCategory.Float32 => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadFloat32)),
        TypeCategory.Float64 => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadFloat64)),
        TypeCategory.Decimal => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadDecimal)),
        TypeCategory.Bool => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadBool)),
        TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadString)),
        TypeCategory.Date => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadDate)),
        TypeCategory.DateTime => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadDateTime)),
        TypeCategory.Uuid => typeof(ColumnReader).GetMethod(nameof(ColumnReader.ReadGuid)),
        _ => null,
    };

    private static void NotNull(DbDataReader reader, int ordinal, string attribute, Type target)
    {
        if (reader.IsDBNull(ordinal))
        {
            throw new DataJointException($"Attribute `{attribute}` is NULL but was requested as the non-nullable type {target.Name}.");
        }
    }

    private static T ReadColumn<T>(DbDataReader reader, int ordinal, HeadingAttribute attribute) =>
        ValueConverter.To<T>(ColumnReader.ReadValue(reader, ordinal, attribute), attribute.Name);
}
