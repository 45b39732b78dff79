using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.CodeFixes;

/// <summary>
/// Fixes DJ3003 (a non-constant string used as a restriction) by rewriting a concatenation such as
/// <c>"species = '" + input + "'"</c> into the interpolated restriction <c>$"species = {input}"</c>, whose holes are bound
/// as parameters: constant parts become the text, every other part a hole, and the quotes around a hole go (a bound value
/// is never quoted). Nothing is offered when that would change the meaning: a string part that was not quoted (it may be
/// SQL), a value quoted on one side or inside a longer literal (<c>LIKE '%" + x + "%'</c>), or anything that is not a
/// concatenation (a variable, <c>string.Format</c>, ...).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InterpolatedRestrictionCodeFix)), Shared]
public sealed class InterpolatedRestrictionCodeFix : CodeFixProvider
{
    private const string DiagnosticId = "DJ3003";

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
        if (root.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax found) return;
        var concatenation = Unparenthesize(found);
        if (concatenation is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression }) return;
        var parts = new List<Part>();
        if (!Flatten(concatenation, model, parts)) return;
        var interpolated = Interpolate(parts);
        if (interpolated is null) return;

        // The handler binds holes only as the operand of & or - or the one argument of Restrict/RestrictNot; elsewhere a
        // FormattableString keeps them parameters.
        SyntaxNode target = found;
        while (target.Parent is ParenthesizedExpressionSyntax parent) target = parent;
        var bound = target.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseAndExpression or (int)SyntaxKind.SubtractExpression } binary
                && binary.Right == target
            || target.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
                && MethodName(call) is "Restrict" or "RestrictNot";
        var replacement = SyntaxFactory.ParseExpression(bound ? interpolated : "(System.FormattableString)" + interpolated);
        context.RegisterCodeFix(
            CodeAction.Create("Bind the values as parameters (interpolated restriction)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target, replacement.WithTriviaFrom(target)))),
                nameof(InterpolatedRestrictionCodeFix)),
            context.Diagnostics);
    }

    private static string? MethodName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.Text,
        IdentifierNameSyntax name => name.Identifier.Text,
        _ => null,
    };

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression;
    }

    /// <summary>One operand of the concatenation: constant text, or a value that becomes a hole.</summary>
    private sealed class Part(string? text, ExpressionSyntax? value, bool isString)
    {
        public string? Text { get; } = text;

        public ExpressionSyntax? Value { get; } = value;

        public bool IsString { get; } = isString;
    }

    private static bool Flatten(ExpressionSyntax expression, SemanticModel model, List<Part> parts)
    {
        expression = Unparenthesize(expression);
        if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add
            && model.GetTypeInfo(add).Type?.SpecialType == SpecialType.System_String)
        {
            var constant = model.GetConstantValue(add);
            if (constant.HasValue)
            {
                parts.Add(new Part(constant.Value?.ToString() ?? "", null, isString: true));
                return true;
            }

            return Flatten(add.Left, model, parts) && Flatten(add.Right, model, parts);
        }

        var value = model.GetConstantValue(expression);
        if (value.HasValue)
        {
            parts.Add(new Part(Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "", null, isString: true));
            return true;
        }

        // x.ToString() binds x itself: a number stays a number, a date a date.
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "ToString" } access, ArgumentList.Arguments.Count: 0 })
        {
            expression = access.Expression;
        }

        var type = model.GetTypeInfo(expression).Type;
        if (type is null || type.TypeKind == TypeKind.Error) return false;
        parts.Add(new Part(null, expression, type.SpecialType is SpecialType.System_String or SpecialType.System_Char));
        return true;
    }

    /// <summary>The interpolated string's source text, or null when the concatenation cannot be rewritten safely.</summary>
    private static string? Interpolate(List<Part> parts)
    {
        var merged = new List<Part>();
        foreach (var part in parts)
        {
            if (part.Text is not null && merged.Count > 0 && merged[merged.Count - 1].Text is { } previous)
            {
                merged[merged.Count - 1] = new Part(previous + part.Text, null, isString: true);
            }
            else
            {
                merged.Add(part);
            }
        }

        if (!merged.Any(p => p.Value is not null)) return null;

        // Texts between holes (one more than holes), with the quotes around each hole removed.
        var texts = new List<string> { "" };
        var holes = new List<Part>();
        foreach (var part in merged)
        {
            if (part.Text is not null)
            {
                texts[texts.Count - 1] += part.Text;
                continue;
            }

            holes.Add(part);
            texts.Add("");
        }

        for (var i = 0; i < holes.Count; i++)
        {
            var before = texts[i];
            var after = texts[i + 1];
            var quoted = before.EndsWith("'", StringComparison.Ordinal) && after.StartsWith("'", StringComparison.Ordinal);
            var isString = holes[i].IsString;
            if (quoted)
            {
                texts[i] = before.Substring(0, before.Length - 1);
                texts[i + 1] = after.Substring(1);
            }
            else if (isString)
            {
                return null;
            }
        }

        if (!HolesOutsideQuotes(texts)) return null;
        var source = new StringBuilder("$\"");
        for (var i = 0; i < holes.Count; i++)
        {
            source.Append(Escape(texts[i])).Append('{').Append(Hole(holes[i].Value!)).Append('}');
        }

        return source.Append(Escape(texts[texts.Count - 1])).Append('"').ToString();
    }

    /// <summary>Same quoting rule as the runtime's check: backslash escapes, a doubled quote closes and reopens.</summary>
    private static bool HolesOutsideQuotes(List<string> texts)
    {
        var quote = '\0';
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote == '\0')
                {
                    if (c is '\'' or '"' or '`') quote = c;
                }
                else if (c == '\\' && quote != '`')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }

            if (quote != '\0' && t < texts.Count - 1) return false;
        }

        return true;
    }

    private static string Hole(ExpressionSyntax expression)
    {
        var text = expression.WithoutTrivia().ToString();
        return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or ThisExpressionSyntax
            ? text
            : "(" + text + ")";
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': escaped.Append("\\\\"); break;
                case '"': escaped.Append("\\\""); break;
                case '{': escaped.Append("{{"); break;
                case '}': escaped.Append("}}"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                case '\t': escaped.Append("\\t"); break;
                case '\0': escaped.Append("\\0"); break;
                default:
                    if (char.IsControl(c)) escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
