using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.CodeFixes;

/// <summary>
/// Fixes DJ3001 (global DataJoint state in a thread-safe project) by rewriting <c>Dj.Conn()</c>, <c>Dj.Config</c>,
/// <c>Dj.Schema(...)</c> and <c>Dj.FreeTable(...)</c> onto an <c>Instance</c> that is in scope (a local, parameter,
/// field or property). Without one in scope no fix is offered: which database to use is the author's decision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseInstanceCodeFix)), Shared]
public sealed class UseInstanceCodeFix : CodeFixProvider
{
    private const string DiagnosticId = "DJ3001";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
        var target = node.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or MemberAccessExpressionSyntax);
        if (target is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation }) target = invocation;
        if (target is null) return;
        var instance = FindInstanceInScope(model, target.SpanStart);
        if (instance is null) return;
        var replacement = Rewrite(target, instance);
        if (replacement is null) return;
        context.RegisterCodeFix(
            CodeAction.Create($"Use the Instance '{instance}'", ct => Replace(context.Document, root, target, replacement), nameof(UseInstanceCodeFix)),
            context.Diagnostics);
    }

    private static string? FindInstanceInScope(SemanticModel model, int position)
    {
        var type = model.Compilation.GetTypeByMetadataName("DataJoint.Instance");
        if (type is null) return null;
        return model.LookupSymbols(position)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
            .Where(s => SymbolEqualityComparer.Default.Equals(TypeOf(s), type))
            .Select(s => s.Name)
            .FirstOrDefault();
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => l.Type,
        IParameterSymbol p => p.Type,
        IFieldSymbol f => f.Type,
        IPropertySymbol p => p.Type,
        _ => null,
    };

    private static ExpressionSyntax? Rewrite(SyntaxNode target, string instance)
    {
        var receiver = SyntaxFactory.IdentifierName(instance);
        switch (target)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call:
                return access.Name.Identifier.Text switch
                {
                    "Conn" => Member(receiver, "Connection"),
                    "Schema" or "FreeTable" => call.WithExpression(Member(receiver, access.Name.Identifier.Text)),
                    _ => null,
                };
            case MemberAccessExpressionSyntax { Name.Identifier.Text: "Config" }:
                return Member(receiver, "Config");
            default:
                return null;
        }
    }

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax receiver, string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode target, ExpressionSyntax replacement) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(target, replacement.WithTriviaFrom(target))));
}
