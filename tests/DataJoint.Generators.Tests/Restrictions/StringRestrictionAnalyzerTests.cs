using DataJoint.Generators.Restrictions;
using DataJoint.Generators.Tests.Diagnostics;

namespace DataJoint.Generators.Tests.Restrictions;

public sealed class StringRestrictionAnalyzerTests
{
    private const string Tables = """
        using DataJoint;

        namespace Lab;

        [Definition(@"
            subject_id : int32
            ---
            species : varchar(40)
            ")]
        public partial class Subject : Manual;
        """;

    /// <summary>Runs the generator (so the typed operators exist), then the analyzer; compares with the markup's spans.</summary>
    private static async Task AssertMarkedAsync(string markedUses)
    {
        var (source, expected) = DiagnosticMarkup.Parse(markedUses);
        var generated = GeneratorHarness.Run(Tables, source);
        Assert.That(generated.CompileDiagnostics, Is.Empty, "the test source must compile");
        var diagnostics = await GeneratorHarness.AnalyzeAsync(generated.Output, new StringRestrictionAnalyzer());
        var actual = diagnostics.Where(d => d.Location.SourceTree?.FilePath == "Source1.cs")
            .Select(d => (d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .OrderBy(d => d.Start).ToList();
        Assert.That(actual, Is.EqualTo(expected.Select(e => (e.Id, e.Span.Start, e.Span.Length)).OrderBy(e => e.Item2).ToList()),
            string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Test]
    public Task NonConstantStringsAreReportedWhereverTheyRestrict() => AssertMarkedAsync("""
        using System;
        using DataJoint;
        using Lab;

        public static class Uses
        {
            public static void Run(Subject subject, QueryExpression query, FreeTable free, string input, int n)
            {
                var species = "species = '" + input + "'";
                _ = subject & {|DJ3003:species|};
                _ = subject - ({|DJ3003:"species = '" + input + "'"|});
                _ = subject & {|DJ3003:string.Format("species = '{0}'", input)|};
                _ = subject & {|DJ3003:n.ToString()|};
                _ = query & {|DJ3003:input|};
                _ = query - {|DJ3003:input|};
                _ = free & {|DJ3003:input|};
                _ = query.Restrict({|DJ3003:input|});
                _ = subject.RestrictNot({|DJ3003:input|}, semanticCheck: false);
                _ = query.Restrict({|DJ3003:$"species = {input}"|}, false);
                _ = subject & Cond.Or({|DJ3003:input|}, new { SubjectId = 1 });
                _ = subject & Cond.Not({|DJ3003:$"species = {input}"|});
                _ = subject & ({|DJ3003:n > 0 ? "subject_id = 1" : input|});
            }
        }
        """);

    [Test]
    public Task ConstantsAndInterpolatedRestrictionsAreNotReported() => AssertMarkedAsync("""
        using System;
        using DataJoint;
        using Lab;

        public static class Uses
        {
            private const string Mice = "species = 'mouse'";

            public static void Run(Subject subject, QueryExpression query, FreeTable free, string input, bool flag)
            {
                _ = subject & "species = 'mouse'";
                _ = subject & Mice;
                _ = subject - ("species = 'rat'" + " OR " + Mice);
                _ = subject & (nameof(Subject) + " = 1");
                _ = subject & (flag ? Mice : "species = 'rat'");
                _ = subject & $"species = {input}";
                _ = subject - $"species = {input}";
                _ = subject & $"subject_id > 3";
                _ = query & $"species = {input}";
                _ = free - $"species = {input}";
                _ = query.Restrict($"species = {input}");
                _ = query.RestrictNot($"species = {input}");
                _ = query.Restrict((FormattableString)$"species = {input}");
                _ = subject & Cond.Or((FormattableString)$"species = {input}", Mice);
                _ = subject & new { Species = input };
                _ = subject & query;
                _ = subject.Proj("name = species");
            }
        }
        """);

    [Test]
    public async Task TheMessageNamesTheStringAndTheSafeForm()
    {
        var generated = GeneratorHarness.Run(Tables, """
            using Lab;
            public static class Uses
            {
                public static Subject Run(Subject subject, string input) => subject & input;
            }
            """);
        var diagnostic = (await GeneratorHarness.AnalyzeAsync(generated.Output, new StringRestrictionAnalyzer())).Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DJ3003"));
        Assert.That(diagnostic.Severity, Is.EqualTo(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        Assert.That(diagnostic.GetMessage(), Does.StartWith("'input' is not a constant string").And.Contain("$\"attr = {value}\""));
    }
}
