using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataJoint.Generators.Tests.Diagnostics;

/// <summary>
/// Analyzer tests with markup: <c>{|DJ0004:int33|}</c> in the test source marks the exact span where a diagnostic with
/// that id must be reported. The markup is removed before compiling, and the analyzer must report exactly the marked
/// diagnostics (warnings included), nothing more. Written here rather than taken from Microsoft.CodeAnalysis.Testing,
/// whose dependencies the package feed here does not serve at the required versions and whose reference assemblies
/// are downloaded at test time.
/// </summary>
public static class DiagnosticMarkup
{
    public sealed record Expected(string Id, TextSpan Span);

    /// <summary>The source without markup, and the marked spans (nested markup allowed).</summary>
    public static (string Source, IReadOnlyList<Expected> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                Assert.That(colon, Is.GreaterThan(i), $"markup '{{|' at {i} has no ':' after its id");
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new Expected(id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        Assert.That(open, Is.Empty, "unclosed markup");
        return (source.ToString(), expected);
    }

    /// <summary>Compiles the markup source (with <paramref name="others"/>), runs the analyzer and compares.</summary>
    public static async Task VerifyAsync(string markup, DiagnosticAnalyzer? analyzer = null, params string[] others)
    {
        var (source, expected) = Parse(markup);
        var compilation = GeneratorHarness.Compile([source, .. others]);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(compilation, analyzer ?? new global::DataJoint.Generators.Diagnostics.DefinitionAnalyzer());
        var marked = compilation.SyntaxTrees.First();
        var actual = diagnostics
            .Select(d => (d.Id, d.Location.SourceTree == marked ? d.Location.SourceSpan : default, Message: d.GetMessage()))
            .ToList();
        string Describe(string id, TextSpan span, string? message = null) =>
            $"{id} at [{span.Start}..{span.End}) '{(span.End <= source.Length ? source.Substring(span.Start, span.Length) : "?")}'"
            + (message is null ? "" : $": {message}");
        var expectedText = expected.Select(e => Describe(e.Id, e.Span)).Order().ToList();
        var actualText = actual.Select(a => Describe(a.Id, a.Item2)).Order().ToList();
        Assert.That(actualText, Is.EqualTo(expectedText),
            "reported:\n  " + string.Join("\n  ", actual.Select(a => Describe(a.Id, a.Item2, a.Message))));
        foreach (var (_, _, message) in actual) Assert.That(message, Is.Not.Empty);
    }
}
