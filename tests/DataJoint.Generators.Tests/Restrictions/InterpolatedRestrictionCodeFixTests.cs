using DataJoint.CodeFixes;
using DataJoint.Generators.Restrictions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataJoint.Generators.Tests.Restrictions;

public sealed class InterpolatedRestrictionCodeFixTests
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

    /// <summary>The uses after applying the fix to every DJ3003 it can fix, with the generated code in the project.</summary>
    private static async Task<string> FixAllAsync(string uses)
    {
        var generated = GeneratorHarness.Run(Tables, uses);
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Consumer", "Consumer",
            LanguageNames.CSharp, compilationOptions: generated.Output.Options, parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: generated.Output.References));
        project = workspace.AddDocument(project.Id, "Tables.cs", SourceText.From(Tables)).Project;
        foreach (var (name, text) in generated.Sources) project = project.AddDocument(name, SourceText.From(text)).Project;
        var document = project.AddDocument("Uses.cs", SourceText.From(uses));
        var skipped = new HashSet<int>();
        for (var round = 0; round < 20; round++)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            var tree = await document.GetSyntaxTreeAsync();
            var diagnostics = await compilation.WithAnalyzers([new StringRestrictionAnalyzer()]).GetAnalyzerDiagnosticsAsync();
            var diagnostic = diagnostics.Where(d => d.Location.SourceTree == tree && !skipped.Contains(d.Location.SourceSpan.Start))
                .OrderBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
            if (diagnostic is null) break;
            var actions = new List<CodeAction>();
            await new InterpolatedRestrictionCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            if (actions.Count == 0)
            {
                skipped.Add(diagnostic.Location.SourceSpan.Start);
                continue;
            }

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            document = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            skipped.Clear();
        }

        var fixedCompilation = (await document.Project.GetCompilationAsync())!;
        Assert.That(fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, "the fixed code must compile");
        return (await document.GetTextAsync()).ToString();
    }

    private static string Uses(string body) => $$"""
        using System;
        using DataJoint;
        using Lab;

        public static class Uses
        {
            public static void Run(Subject subject, QueryExpression query, string input, int n, DateTime day)
            {
        {{body}}
            }
        }
        """;

    [Test]
    public async Task ConcatenationsBecomeInterpolatedRestrictions()
    {
        var fixedSource = await FixAllAsync(Uses("""
                    _ = subject & ("species = '" + input + "'");
                    _ = subject - ("species = '" + input + "' AND subject_id > " + n);
                    _ = query.Restrict("subject_id = " + n.ToString() + " OR species = '" + input.Trim() + "'");
                    _ = subject & ("species = \"x\" OR {brace} = '" + input + "'" + " OR subject_id = " + (n + 1));
                    _ = subject & Cond.Or("species = '" + input + "'", new { SubjectId = 2 });
                    _ = subject.RestrictNot("subject_id = " + n, semanticCheck: false);
            """));
        Assert.That(fixedSource, Does.Contain("_ = subject & $\"species = {input}\";")
            .And.Contain("_ = subject - $\"species = {input} AND subject_id > {n}\";")
            .And.Contain("_ = query.Restrict($\"subject_id = {n} OR species = {input.Trim()}\");")
            .And.Contain("_ = subject & $\"species = \\\"x\\\" OR {{brace}} = {input} OR subject_id = {(n + 1)}\";")
            .And.Contain("_ = subject & Cond.Or((System.FormattableString)$\"species = {input}\", new { SubjectId = 2 });")
            .And.Contain("_ = subject.RestrictNot((System.FormattableString)$\"subject_id = {n}\", semanticCheck: false);"));
    }

    [Test]
    public async Task NothingIsOfferedWhereTheMeaningWouldChange()
    {
        var source = Uses("""
                    var text = "species = 'mouse'";
                    _ = subject & text;
                    _ = subject & string.Format("species = '{0}'", input);
                    _ = subject & ("species LIKE '%" + input + "%'");
                    _ = subject & ("species = 'a' AND " + input);
                    _ = subject & ("species = '" + input);
                    _ = subject & (input + " = 1");
            """);
        Assert.That(await FixAllAsync(source), Is.EqualTo(source));
    }

    [Test]
    public async Task TheFixedRestrictionIsNotReportedAgain()
    {
        var fixedSource = await FixAllAsync(Uses("""
                    _ = subject & ("species = '" + input + "'");
            """));
        var generated = GeneratorHarness.Run(Tables, fixedSource);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(generated.Output, new StringRestrictionAnalyzer());
        Assert.That(diagnostics, Is.Empty);
        Assert.That(CSharpSyntaxTree.ParseText(fixedSource).GetDiagnostics(), Is.Empty);
    }
}
