namespace DataJoint;

/// <summary>
/// A custom codec, DataJoint's <c>dj.Codec</c>: attributes declared <c>&lt;name&gt;</c> or <c>&lt;name@store&gt;</c> keep
/// their values through it. <see cref="Encode"/> turns a value into what <see cref="StoredType"/> stores — a core type
/// (<c>json</c>, <c>bytes</c>, <c>int32</c>, <c>varchar(64)</c>, …) or another codec (<c>&lt;blob&gt;</c>,
/// <c>&lt;hash&gt;</c>, a custom one), which then encodes it in turn — and <see cref="Decode"/> turns it back. Register
/// it on an instance (<c>instance.Codecs.Register(codec)</c>) before declaring, inserting into or fetching from tables
/// that use it; mark the class <c>[Codec("name")]</c> so the generator knows the attribute's type (derive from
/// <see cref="Codec{T}"/> to type it). Implementations must be thread-safe: one instance serves every row.
/// </summary>
public interface ICodec
{
    /// <summary>The name used in definitions, <c>&lt;Name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What the encoded value is stored as (DataJoint's <c>get_dtype</c>): a core type or another codec written
    /// <c>&lt;name&gt;</c>. A store given to this codec (<c>&lt;name@store&gt;</c>) passes on to a codec returned without one.
    /// </summary>
    /// <param name="inStore">Whether the attribute was declared with <c>@</c>.</param>
    /// <exception cref="DefinitionException">The codec cannot be used this way (e.g. it needs a store).</exception>
    string StoredType(bool inStore);

    /// <summary>Turns <paramref name="value"/> into the value <see cref="StoredType"/> takes (for <c>json</c>: a <see cref="System.Text.Json.Nodes.JsonNode"/>).</summary>
    object? Encode(object value, CodecContext context);

    /// <summary>Turns the stored value back (for <c>json</c> a <see cref="System.Text.Json.Nodes.JsonNode"/>, for <c>bytes</c> a <c>byte[]</c>, for another codec what it decodes to).</summary>
    object? Decode(object stored, CodecContext context);

    /// <summary>Checks a value before it is encoded; throws <see cref="ArgumentException"/> to refuse it. Accepts everything unless overridden.</summary>
    void Validate(object value)
    {
    }
}
