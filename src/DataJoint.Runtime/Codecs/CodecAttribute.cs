namespace DataJoint;

/// <summary>
/// Marks a custom codec class (an <see cref="ICodec"/>, typed through <see cref="Codec{T}"/>) for the source generator:
/// a definition's <c>&lt;name&gt;</c> then types its <c>Row</c> property as the codec's value type, and a
/// <c>&lt;name&gt;</c> that no marked class in the compilation has is diagnostic DJ0024. Registration on the instance
/// (<c>instance.Codecs.Register</c>) is still what makes the codec work at run time.
/// </summary>
/// <param name="name">The codec's name, as its <see cref="ICodec.Name"/>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CodecAttribute(string name) : Attribute
{
    /// <summary>The codec's name.</summary>
    public string Name { get; } = name;
}
