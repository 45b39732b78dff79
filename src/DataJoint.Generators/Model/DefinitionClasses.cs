using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.Generators.Model;

/// <summary>
/// Finds the <c>[Definition]</c> classes of a compilation and builds their models: the analyzer's way to the same
/// <see cref="TableModelBuilder.Build"/> the generator reaches through <c>ForAttributeWithMetadataName</c>.
/// </summary>
internal static class DefinitionClasses
{
    /// <summary>The attribute that marks a table class.</summary>
    public const string AttributeMetadataName = "DataJoint.DefinitionAttribute";

    /// <summary>The <c>[Definition]</c> application on <paramref name="type"/> and the class declaration it is on, if any.</summary>
    public static (AttributeData Attribute, ClassDeclarationSyntax Syntax)? Find(INamedTypeSymbol type, INamedTypeSymbol definitionAttribute,
        CancellationToken cancellationToken)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, definitionAttribute)) continue;
            // The same declaration ForAttributeWithMetadataName hands the generator: the class the attribute list is on.
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent is ClassDeclarationSyntax syntax)
            {
                return (attribute, syntax);
            }
        }

        return null;
    }

    /// <summary>Every table class declared in the compilation's sources, by symbol, with its model (locations included).</summary>
    public static Dictionary<INamedTypeSymbol, TableModel> BuildAll(Compilation compilation, INamedTypeSymbol definitionAttribute,
        CancellationToken cancellationToken)
    {
        var tables = new Dictionary<INamedTypeSymbol, TableModel>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
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
                if (type.TypeKind == TypeKind.Class && Find(type, definitionAttribute, cancellationToken) is { } found)
                {
                    tables[type] = TableModelBuilder.Build(type, found.Syntax, found.Attribute, withLocations: true, cancellationToken);
                }
            }
        }

        return tables;
    }

    /// <summary>The models of <paramref name="tables"/> in a deterministic order, as the resolver takes them.</summary>
    public static ImmutableArray<TableModel> Models(Dictionary<INamedTypeSymbol, TableModel> tables)
    {
        var models = ImmutableArray.CreateBuilder<TableModel>(tables.Count);
        foreach (var model in tables.Values) models.Add(model);
        models.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return models.MoveToImmutable();
    }
}
