using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// The custom codecs of one instance (<c>instance.Codecs</c>), by name. Declaring, inserting and fetching resolve a
/// <c>&lt;name&gt;</c> attribute through them, following each codec's <see cref="ICodec.StoredType"/> down to a core type
/// as DataJoint's <c>resolve_dtype</c> does.
/// </summary>
public sealed partial class CodecRegistry
{
    private const int MaxChain = 16;
    private readonly ConcurrentDictionary<string, ICodec> codecs = new(StringComparer.Ordinal);

    internal CodecRegistry()
    {
    }

    /// <summary>The registered names, in order.</summary>
    public IReadOnlyList<string> Names => codecs.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Registers <paramref name="codec"/> under its <see cref="ICodec.Name"/>; registering the same codec again does nothing.</summary>
    /// <exception cref="ArgumentException">The name is not a DataJoint codec name, is a built-in codec's, or another codec has it.</exception>
    public void Register(ICodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var name = codec.Name;
        if (name is null || !CodecName().IsMatch(name))
        {
            throw new ArgumentException($"Codec name {(name is null ? "null" : $"'{name}'")} of {codec.GetType().Name} is not a DataJoint codec name "
                + "(a letter or '_', then letters, digits or '_').", nameof(codec));
        }

        if (BuiltinCodecs.IsBuiltin(name))
        {
            throw new ArgumentException($"<{name}> is a built-in codec; give {codec.GetType().Name} another name.", nameof(codec));
        }

        var registered = codecs.GetOrAdd(name, codec);
        if (!ReferenceEquals(registered, codec) && registered.GetType() != codec.GetType())
        {
            throw new ArgumentException($"Codec <{name}> is already registered by {registered.GetType().FullName}; "
                + $"{codec.GetType().FullName} needs another name.", nameof(codec));
        }
    }

    /// <summary>Whether a codec named <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => codecs.ContainsKey(name);

    /// <summary>The codec named <paramref name="name"/>, if registered.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ICodec? codec) => codecs.TryGetValue(name, out codec);

    /// <summary>The registered codec of a <c>&lt;name&gt;</c> attribute.</summary>
    /// <exception cref="DefinitionException">No codec of that name is registered.</exception>
    internal ICodec Get(TypeSpec spec, string attribute) => codecs.TryGetValue(spec.CodecName!, out var codec)
        ? codec
        : throw new DefinitionException($"Unknown codec <{spec.CodecName}> of `{attribute}`: register a codec named \"{spec.CodecName}\" "
            + $"(instance.Codecs.Register) before using the table{(codecs.IsEmpty ? "" : $" (registered: {string.Join(", ", Names)})")}.");

    /// <summary>Whether <paramref name="spec"/> is a codec that is not built in, which this registry resolves.</summary>
    internal static bool IsCustom(TypeSpec spec) => spec.Category == TypeCategory.Codec && !BuiltinCodecs.IsBuiltin(spec.CodecName!);

    /// <summary>
    /// The type <paramref name="codec"/> stores a <paramref name="spec"/> value as, the store passed on to an inner codec
    /// written without one (<c>&lt;graph@cold&gt;</c> storing <c>&lt;blob&gt;</c> stores <c>&lt;blob@cold&gt;</c>).
    /// </summary>
    internal static TypeSpec Inner(ICodec codec, TypeSpec spec, string attribute)
    {
        var inner = (codec.StoredType(spec.IsInStore) ?? "").Trim();
        if (inner.StartsWith('<') && inner.EndsWith('>') && !inner.Contains('@') && spec.Store is { } store) inner = inner[..^1] + "@" + store + ">";
        return TypeClassifier.Classify(inner) is { Category: not TypeCategory.Native } classified
            ? classified
            : throw new DefinitionException($"Codec <{codec.Name}> of `{attribute}` stores its values as '{inner}', which is not a DataJoint core "
                + "type or codec (e.g. json, bytes, int32, varchar(64), <blob>, <hash>).");
    }

    /// <summary>
    /// The column a custom codec attribute ends in: its codec chain followed to a core type or a built-in codec, whose
    /// column the adapter knows; <paramref name="spec"/> itself when it is not a custom codec.
    /// </summary>
    /// <exception cref="DefinitionException">A codec in the chain is unknown, stores an unknown type, or the chain loops.</exception>
    internal TypeSpec Column(TypeSpec spec, string attribute)
    {
        var seen = new List<string>();
        while (IsCustom(spec))
        {
            if (seen.Contains(spec.CodecName!) || seen.Count == MaxChain)
            {
                throw new DefinitionException($"Circular codec reference for `{attribute}`: <{string.Join("> → <", seen.Append(spec.CodecName!))}>.");
            }

            seen.Add(spec.CodecName!);
            spec = Inner(Get(spec, attribute), spec, attribute);
        }

        return spec;
    }

    /// <summary>
    /// <paramref name="definition"/> with each custom codec attribute's column resolved (for declaring and validating
    /// the table); the definition itself when it has none.
    /// </summary>
    internal TableDefinition ForDeclaration(TableDefinition definition)
    {
        if (!definition.Attributes.Any(a => IsCustom(a.Spec))) return definition;
        return definition.WithAttributes(definition.Attributes
            .Select(a => IsCustom(a.Spec) ? a.WithColumn(Column(a.Spec, a.Name)) : a).ToList());
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CodecName();
}
