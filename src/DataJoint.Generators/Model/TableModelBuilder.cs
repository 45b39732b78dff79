using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataJoint.Definition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.Generators.Model;

/// <summary>
/// Turns one <c>[Definition]</c> class into a <see cref="TableModel"/>: the syntax step shared by the generator
/// (without locations) and the analyzer (with locations inside the definition string).
/// </summary>
internal static class TableModelBuilder
{
    /// <summary>Builds the model; never throws (a defect becomes a DJ9999 diagnostic on the class).</summary>
    public static TableModel Build(INamedTypeSymbol symbol, ClassDeclarationSyntax syntax, AttributeData attribute, bool withLocations,
        CancellationToken cancellationToken)
    {
        try
        {
            return BuildCore(symbol, syntax, attribute, withLocations, cancellationToken);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            var location = withLocations ? LocationInfo.From(syntax.Identifier.GetLocation()) : null;
            return new TableModel("", EquatableArray<string>.Empty, symbol.Name, symbol.ToDisplayString(), TableKind.Manual, "public", "",
                EquatableArray<ItemModel>.Empty,
                new[] { Internal(symbol.Name, ex, location) }.ToEquatableArray(), location);
        }
    }

    /// <summary>The DJ9999 diagnostic for an exception: a defect of DataJoint, reported instead of crashing the build.</summary>
    public static DiagnosticInfo Internal(string className, System.Exception ex, LocationInfo? location) =>
        new(DiagnosticIds.Internal,
            $"DataJoint failed to analyze '{className}' ({ex.GetType().Name}: {ex.Message}); this is a DataJoint defect, please report it with the definition",
            location);

    private static TableModel BuildCore(INamedTypeSymbol symbol, ClassDeclarationSyntax syntax, AttributeData attribute, bool withLocations,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? At(Location location) => withLocations ? LocationInfo.From(location) : null;
        var classLocation = At(syntax.Identifier.GetLocation());

        var containing = new List<string>();
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType) containing.Insert(0, outer.Name);
        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
        var fullName = (ns.Length == 0 ? "" : ns + ".") + string.Join("", containing.Select(c => c + ".")) + symbol.Name;

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NotPartial,
                $"Table class '{symbol.Name}' must be declared 'partial' so the generator can add its members: write 'partial class {symbol.Name}'",
                classLocation));
        }

        foreach (var outerSyntax in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NotPartial,
                    $"Type '{outerSyntax.Identifier.Text}' contains the table '{symbol.Name}' and must be declared 'partial' too",
                    At(outerSyntax.Identifier.GetLocation())));
            }
        }

        var declaredTier = TierOf(symbol);
        if (declaredTier is null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.WrongBase,
                $"Table class '{symbol.Name}' must derive from a DataJoint tier: Manual, Lookup, Imported, Computed or Part (e.g. 'partial class {symbol.Name} : Manual')",
                classLocation));
        }

        var tier = declaredTier ?? TableKind.Manual;

        var className = symbol.Name;
        if (className.Length == 0 || !char.IsUpper(className[0]) || !className.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9')))
        {
            var suggestion = string.Concat(className.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidClassName,
                $"Table class name '{className}' is invalid: DataJoint table classes are CamelCase ASCII letters and digits starting with a capital"
                + (suggestion != className && suggestion.Length > 0 ? $"; use '{suggestion}'" : ""),
                classLocation));
        }

        if (tier == TableKind.Part && (symbol.ContainingType is null || TierOf(symbol.ContainingType) is null))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.PartNotNested,
                $"Part table '{symbol.Name}' must be nested in the class of its master table (a [Definition] class of another tier)", classLocation));
        }

        if (tier.IsAutoPopulated() && !HasMake(symbol))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.MissingMake,
                $"{tier} table '{symbol.Name}' has no Make method: add 'void Make(Key key)', 'Task MakeAsync(Key key, CancellationToken cancellationToken)' "
                + "or the three-part MakeFetch/MakeCompute/MakeInsert", classLocation));
        }

        var argument = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } args }
            ? args[0].Expression
            : null;
        var text = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        if (text is null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NonConstantDefinition,
                "The definition must be a constant string: a literal (regular, verbatim or raw), a const or a concatenation of constants",
                argument is null ? classLocation : At(argument.GetLocation())));
            return new TableModel(ns, containing.ToEquatableArray(), symbol.Name, fullName, tier, Accessibility(symbol), "",
                EquatableArray<ItemModel>.Empty, diagnostics.ToEquatableArray(), classLocation);
        }

        var positions = withLocations && argument is LiteralExpressionSyntax literal ? LiteralPositions.For(literal.Token) : null;
        LocationInfo? Locate(TextRange range) => !withLocations
            ? null
            : positions is not null
                ? LocationInfo.From(positions.Locate(range.Start, range.Length))
                : argument is not null ? LocationInfo.From(argument.GetLocation()) : classLocation;

        var parsed = DefinitionParser.Parse(text);
        foreach (var error in parsed.Errors)
        {
            diagnostics.Add(new DiagnosticInfo(error.Id, error.Message, Locate(error.Range)));
        }

        var items = new List<ItemModel>();
        foreach (var item in parsed.Items)
        {
            switch (item)
            {
                case AttributeItem a:
                    items.Add(new ItemModel(DefinitionItemKind.Attribute, a.InKey, a.Name, a.Default, a.Type, a.Comment, a.IsNullable, false,
                        EquatableArray<RenameModel>.Empty, EquatableArray<IndexColumnModel>.Empty, Locate(a.NameRange)));
                    break;
                case ForeignKeyItem fk:
                    items.Add(new ItemModel(DefinitionItemKind.ForeignKey, fk.InKey, fk.Reference, null, "", "", fk.Nullable, fk.Unique,
                        fk.Renames.Select(r => new RenameModel(r.NewName, r.OldName, Locate(r.Range))).ToEquatableArray(),
                        EquatableArray<IndexColumnModel>.Empty, Locate(fk.ReferenceRange)));
                    break;
                case IndexItem index:
                    items.Add(new ItemModel(DefinitionItemKind.Index, index.InKey, "", null, "", "", false, index.Unique,
                        EquatableArray<RenameModel>.Empty,
                        index.Columns.Select(c => new IndexColumnModel(c.Text, c.Attribute, Locate(c.Range))).ToEquatableArray(), Locate(index.Range)));
                    break;
            }
        }

        return new TableModel(ns, containing.ToEquatableArray(), symbol.Name, fullName, tier, Accessibility(symbol), parsed.Comment,
            items.ToEquatableArray(), diagnostics.ToEquatableArray(), classLocation) { HiddenBaseMembers = HiddenBaseMembers.Of(symbol) };
    }

    /// <summary>The DataJoint tier class the table derives from; null when none.</summary>
    private static TableKind? TierOf(INamedTypeSymbol symbol)
    {
        for (var b = symbol.BaseType; b is not null; b = b.BaseType)
        {
            if (b.ContainingNamespace is { Name: "DataJoint", ContainingNamespace.IsGlobalNamespace: true }
                && System.Enum.TryParse<TableKind>(b.Name, out var kind))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool HasMake(INamedTypeSymbol symbol)
    {
        var methods = symbol.GetMembers().OfType<IMethodSymbol>().ToList();
        // Each phase of the three-part form may be sync or async, as the emitted Make wiring accepts.
        bool Has(string phase) => methods.Any(m => m.Name == phase || m.Name == phase + "Async");
        return methods.Any(m => m.Name == "Make" && m.Parameters.Length == 1)
            || methods.Any(m => m.Name == "MakeAsync" && m.Parameters.Length is 1 or 2)
            || (Has("MakeFetch") && Has("MakeCompute") && Has("MakeInsert"));
    }

    private static string Accessibility(INamedTypeSymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        _ => "internal",
    };
}
