using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DataJoint.Generators.Model;

/// <summary>
/// Which generated methods hide a method of the table's base classes (the typed <c>Fetch1()</c> hides the untyped one
/// of <c>QueryExpression</c>): those are emitted with <c>new</c>. Read from the compilation, so the emitted code follows
/// the runtime it is compiled against and never needs a blanket CS0108 suppression.
/// </summary>
internal static class HiddenBaseMembers
{
    private const string Ct = "global::System.Threading.CancellationToken";

    /// <summary>The typed <c>Fetch1()</c>, beside <c>QueryExpression</c>'s untyped one.</summary>
    public static readonly string Fetch1 = Signature("Fetch1");

    /// <summary>The typed <c>Fetch1Async(CancellationToken)</c>, beside an untyped one when the runtime has it.</summary>
    public static readonly string Fetch1Async = Signature("Fetch1Async", Ct);

    private static readonly string[] Candidates = [Fetch1, Fetch1Async];

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary><c>Name(type,type)</c> with fully qualified parameter types and reference nullability ignored.</summary>
    public static string Signature(string name, params string[] parameterTypes) => name + "(" + string.Join(",", parameterTypes) + ")";

    /// <summary>The candidate signatures that a non-generic, accessible method of a base class of <paramref name="table"/> has.</summary>
    public static EquatableArray<string> Of(INamedTypeSymbol table)
    {
        var inherited = new HashSet<string>();
        for (var b = table.BaseType; b is not null; b = b.BaseType)
        {
            foreach (var method in b.GetMembers().OfType<IMethodSymbol>())
            {
                if (method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod || !Visible(method, table)) continue;
                inherited.Add(Signature(method.Name, method.Parameters.Select(p => p.Type.ToDisplayString(TypeFormat)).ToArray()));
            }
        }

        return Candidates.Where(inherited.Contains).ToEquatableArray();
    }

    // Only a member the derived class can see is hidden; 'new' on any other would be warning CS0109.
    private static bool Visible(IMethodSymbol method, INamedTypeSymbol table) => method.DeclaredAccessibility switch
    {
        Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
        Accessibility.Internal or Accessibility.ProtectedAndInternal =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, table.ContainingAssembly),
        _ => false,
    };
}
