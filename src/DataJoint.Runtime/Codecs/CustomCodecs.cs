using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// Encodes and decodes the values of custom codec attributes (<see cref="ICodec"/>), chained as DataJoint chains codecs:
/// on insert the outermost codec encodes first and its result goes to the codec (or core type) it stores as; on fetch
/// the column is read as the innermost type and decoded outward.
/// </summary>
internal static class CustomCodecs
{
    // Generated rows name a custom codec attribute's type as text; classifying it once per type keeps reads cheap.
    private static readonly ConcurrentDictionary<string, TypeSpec> Specs = new(StringComparer.Ordinal);

    /// <summary>The value a custom codec attribute's column holds for <paramref name="value"/>, after every codec of its chain.</summary>
    public static async ValueTask<object?> Encode(HeadingAttribute attribute, object value, CodecTarget target,
        IReadOnlyList<(string Name, object? Value)> key, bool sync, CancellationToken cancellationToken)
    {
        var codec = target.Codecs.Get(attribute.Spec, attribute.Name);
        var context = new CodecContext(attribute.Name, attribute.Spec.Store, target.Stores, target.Schema, target.TableName,
            key.ToDictionary(k => k.Name, k => k.Value, StringComparer.Ordinal));
        object? encoded;
        try
        {
            codec.Validate(value);
            encoded = codec.Encode(value, context);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Cannot store the value of `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: {ex.Message}", ex);
        }

        var inner = attribute with { Spec = CodecRegistry.Inner(codec, attribute.Spec, attribute.Name) };
        if (encoded is null) return null;
        if (inner.Spec.Category == TypeCategory.Codec) return await StoredValue.Encode(inner, encoded, target, key, sync, cancellationToken).ConfigureAwait(false);
        if (inner.Spec.Category != TypeCategory.Json) return encoded;
        return encoded switch
        {
            JsonNode node => node.ToJsonString(),
            string or bool or long or int or double or decimal => JsonValue.Create(encoded)!.ToJsonString(),
            _ => throw new ArgumentException($"Codec <{codec.Name}> of `{attribute.Name}` ({attribute.Type}) of {target.FullTableName} stores json "
                + $"and must encode to a JsonNode, not a {encoded.GetType().Name}."),
        };
    }

    /// <summary>Reads a custom codec column of a generated row: the column as its innermost type, decoded outward to <typeparamref name="T"/>.</summary>
    public static T Read<T>(DbDataReader reader, int ordinal, string type)
    {
        var decoded = Read(reader, ordinal, Specs.GetOrAdd(type, static t => TypeClassifier.Classify(t)
            ?? throw new DefinitionException($"'{t}' is not a codec type.")));
        return decoded is T typed
            ? typed
            : throw new InvalidCastException($"`{reader.GetName(ordinal)}` ({type}) decoded to a {decoded?.GetType().Name ?? "null"}, "
                + $"not the {typeof(T).Name} its codec class declares.");
    }

    /// <summary>Reads a custom codec column (whose value is not NULL) and decodes it through its chain.</summary>
    public static object? Read(DbDataReader reader, int ordinal, TypeSpec spec)
    {
        var attribute = reader.GetName(ordinal);
        var codec = RowReadScope.Codecs.Get(spec, attribute);
        var inner = CodecRegistry.Inner(codec, spec, attribute);
        var stored = inner.Category == TypeCategory.Codec
            ? ColumnReader.ReadCodecValue(reader, ordinal, inner)
            : ColumnReader.ReadCore(reader, ordinal, inner);
        return stored is null ? null : codec.Decode(stored, new CodecContext(attribute, spec.Store, RowReadScope.Stores));
    }
}
