namespace DataJoint;

/// <summary>
/// A custom codec whose values are <typeparamref name="T"/>: the generator types <c>Row</c> properties of
/// <c>&lt;name&gt;</c> attributes as <typeparamref name="T"/> when the class is marked <c>[Codec("name")]</c>.
/// </summary>
/// <typeparam name="T">The .NET type of the attribute's values.</typeparam>
public abstract class Codec<T> : ICodec
    where T : notnull
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string StoredType(bool inStore);

    /// <summary>Turns <paramref name="value"/> into the value <see cref="StoredType"/> takes.</summary>
    public abstract object? Encode(T value, CodecContext context);

    /// <summary>Turns the stored value back into a <typeparamref name="T"/>.</summary>
    public abstract T Decode(object stored, CodecContext context);

    /// <summary>Checks a value before it is encoded; throw <see cref="ArgumentException"/> to refuse it.</summary>
    public virtual void Validate(T value)
    {
    }

    object? ICodec.Encode(object value, CodecContext context) => Encode(Typed(value), context);

    object? ICodec.Decode(object stored, CodecContext context) => Decode(stored, context);

    void ICodec.Validate(object value) => Validate(Typed(value));

    private T Typed(object value) => value is T typed
        ? typed
        : throw new ArgumentException($"The codec <{Name}> takes a {typeof(T).Name}, not a {value.GetType().Name}.", nameof(value));
}
