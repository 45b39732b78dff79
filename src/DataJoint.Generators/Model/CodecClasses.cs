using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataJoint.Generators.Model;

/// <summary>
/// Finds the custom codec classes (<c>[Codec("name")]</c>) the definitions of a compilation may use: those of its
/// sources (the generator reaches them through <c>ForAttributeWithMetadataName</c>) and those of referenced assemblies
/// built against DataJoint.
/// </summary>
internal static class CodecClasses
{
    /// <summary>The attribute that marks a codec class.</summary>
    public const string AttributeMetadataName = "DataJoint.CodecAttribute";

    /// <summary>The codec a marked class declares; null when the attribute has no usable name.</summary>
    public static CodecModel? Build(INamedTypeSymbol type, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } name) return null;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.OriginalDefinition.MetadataName == "Codec`1"
                && t.OriginalDefinition.ContainingNamespace?.ToDisplayString() == "DataJoint")
            {
                var value = t.TypeArguments[0];
                return new CodecModel(name, value.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), !value.IsValueType);
            }
        }

        return new CodecModel(name, "object", IsReferenceType: true);
    }

    /// <summary>Every codec class of the compilation's sources and of its references that use DataJoint, by name order.</summary>
    public static ImmutableArray<CodecModel> All(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<CodecModel>();
        Collect(compilation.Assembly.GlobalNamespace, compilation, found, cancellationToken);
        found.AddRange(Referenced(compilation, cancellationToken));
        return [.. found.OrderBy(c => c.Name, System.StringComparer.Ordinal)];
    }

    /// <summary>The codec classes of the referenced assemblies that reference DataJoint (others cannot declare one).</summary>
    public static EquatableArray<CodecModel> Referenced(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<CodecModel>();
        if (compilation.GetTypeByMetadataName(AttributeMetadataName) is not { } attributeClass) return EquatableArray<CodecModel>.Empty;
        var runtime = attributeClass.ContainingAssembly.Name;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == runtime || !assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == runtime))) continue;
            Collect(assembly.GlobalNamespace, compilation, found, cancellationToken);
        }

        return found.OrderBy(c => c.Name, System.StringComparer.Ordinal).ToEquatableArray();
    }

    private static void Collect(INamespaceSymbol root, Compilation compilation, List<CodecModel> found, CancellationToken cancellationToken)
    {
        var attributeClass = compilation.GetTypeByMetadataName(AttributeMetadataName);
        if (attributeClass is null) return;
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var container = pending.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetNamespaceMembers()) pending.Push(member);
            }

            foreach (var type in container.GetTypeMembers())
            {
                pending.Push(type);
                if (type.TypeKind != TypeKind.Class) continue;
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass) && Build(type, attribute) is { } codec)
                    {
                        found.Add(codec);
                    }
                }
            }
        }
    }
}
