using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataJoint.Definition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.Generators.Model;

/// <summary>Turns one <c>[Definition]</c> class into a <see cref="TableModel"/>: the syntax step of the pipeline.</summary>
internal static class TableModelBuilder
{
    private static readonly string[] Tiers = ["Manual", "Lookup", "Imported", "Computed", "Part"];

    public static TableModel Build(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (ClassDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        var classLocation = LocationInfo.From(syntax.Identifier.GetLocation());

        var containing = new List<string>();
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType) containing.Insert(0, outer.Name);
        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
        var fullName = (ns.Length == 0 ? "" : ns + ".") + string.Join("", containing.Select(c => c + ".")) + symbol.Name;

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NotPartial,
                $"Table class '{symbol.Name}' must be declared 'partial' so the generator can add its members", classLocation));
        }

        foreach (var outerSyntax in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NotPartial,
                    $"Type '{outerSyntax.Identifier.Text}' contains the table '{symbol.Name}' and must be declared 'partial'",
                    LocationInfo.From(outerSyntax.Identifier.GetLocation())));
            }
        }

        var tier = TierOf(symbol);
        if (tier is null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.WrongBase,
                $"Table class '{symbol.Name}' must derive from DataJoint.Manual, Lookup, Imported, Computed or Part", classLocation));
            tier = "Manual";
        }

        var className = symbol.Name;
        if (className.Length == 0 || !char.IsUpper(className[0]) || !className.All(char.IsLetterOrDigit))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidClassName,
                $"Table class name '{className}' is invalid: DataJoint table classes are CamelCase (letters and digits, starting with a capital)",
                classLocation));
        }

        if (tier == "Part" && (symbol.ContainingType is null || TierOf(symbol.ContainingType) is null))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.PartNotNested,
                $"Part table '{symbol.Name}' must be nested in the class of its master table", classLocation));
        }

        if (tier is "Computed" or "Imported" && !HasMake(symbol))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.MissingMake,
                $"{tier} table '{symbol.Name}' has no Make method: add 'void Make(Key key)', 'Task MakeAsync(Key key, CancellationToken ct)' "
                + "or MakeFetch/MakeCompute/MakeInsert", classLocation));
        }

        var attribute = context.Attributes[0];
        var argument = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } args }
            ? args[0].Expression
            : null;
        var text = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        if (text is null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NonConstantDefinition,
                "The definition must be a constant string", argument is null ? classLocation : LocationInfo.From(argument.GetLocation())));
            return new TableModel(ns, containing.ToEquatableArray(), symbol.Name, fullName, tier, Accessibility(symbol), "",
                EquatableArray<ItemModel>.Empty, diagnostics.ToEquatableArray(), classLocation);
        }

        var positions = argument is LiteralExpressionSyntax literal ? LiteralPositions.For(literal.Token) : null;
        LocationInfo Locate(TextRange range) => positions is not null
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
                    Diagnostics.AttributeRules.Check(a, Locate, diagnostics);
                    items.Add(new ItemModel(DefinitionItemKind.Attribute, a.InKey, a.Name, a.Default, a.Type, a.Comment, a.IsNullable, false,
                        EquatableArray<string>.Empty, EquatableArray<string>.Empty, Locate(a.NameRange)));
                    break;
                case ForeignKeyItem fk:
                    items.Add(new ItemModel(DefinitionItemKind.ForeignKey, fk.InKey, fk.Reference, null, "", "", fk.Nullable, fk.Unique,
                        fk.Renames.Select(r => r.Key + "=" + r.Value).ToEquatableArray(), EquatableArray<string>.Empty, Locate(fk.ReferenceRange)));
                    break;
                case IndexItem index:
                    items.Add(new ItemModel(DefinitionItemKind.Index, index.InKey, "", null, "", "", false, index.Unique,
                        EquatableArray<string>.Empty, index.Columns.ToEquatableArray(), Locate(index.Range)));
                    break;
            }
        }

        return new TableModel(ns, containing.ToEquatableArray(), symbol.Name, fullName, tier, Accessibility(symbol), parsed.Comment,
            items.ToEquatableArray(), diagnostics.ToEquatableArray(), classLocation);
    }

    private static string? TierOf(INamedTypeSymbol symbol)
    {
        for (var b = symbol.BaseType; b is not null; b = b.BaseType)
        {
            if (b.ContainingNamespace is { Name: "DataJoint", ContainingNamespace.IsGlobalNamespace: true } && Tiers.Contains(b.Name)) return b.Name;
        }

        return null;
    }

    private static bool HasMake(INamedTypeSymbol symbol)
    {
        var methods = symbol.GetMembers().OfType<IMethodSymbol>().ToList();
        bool Has(string name) => methods.Any(m => m.Name == name);
        return methods.Any(m => m.Name == "Make" && m.Parameters.Length == 1)
            || methods.Any(m => m.Name == "MakeAsync" && m.Parameters.Length is 1 or 2)
            || (Has("MakeFetch") && Has("MakeCompute") && Has("MakeInsert"))
            || (Has("MakeFetchAsync") && Has("MakeCompute") && Has("MakeInsertAsync"));
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
