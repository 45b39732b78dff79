using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DataJoint.CodeFixes;
using DataJoint.Generators.ThreadSafety;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataJoint.Generators.Tests.ThreadSafety;

public sealed class UseInstanceCodeFixTests
{
    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var compilation = GeneratorHarness.Compile(source);
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Consumer", "Consumer",
            LanguageNames.CSharp, compilationOptions: compilation.Options, parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: compilation.References));
        return workspace.AddDocument(project.Id, "Source.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new AnalyzerOptions([], new ThreadSafeOptions());
        return await compilation.WithAnalyzers([new ThreadSafetyAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<string> FixAllAsync(string source)
    {
        var document = CreateDocument(source);
        for (var round = 0; round < 10; round++)
        {
            var diagnostic = (await DiagnosticsAsync(document)).Where(d => d.Id == "DJ3001").OrderBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
            if (diagnostic is null) break;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await new UseInstanceCodeFix().RegisterCodeFixesAsync(context);
            if (actions.Count == 0) break;
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            document = changed.GetDocument(document.Id)!;
        }

        return (await document.GetTextAsync()).ToString();
    }

    [Test]
    public async Task GlobalMembersAreRewrittenOntoTheInstanceInScope()
    {
        var fixedSource = await FixAllAsync("""
            using DataJoint;
            public static class Uses
            {
                public static void Run(Instance lab)
                {
                    var schema = Dj.Schema("lab");
                    var table = Dj.FreeTable("lab.subject");
                    var connection = Dj.Conn();
                    var config = Dj.Config;
                }
            }
            """);
        Assert.That(fixedSource, Does.Contain("var schema = lab.Schema(\"lab\");")
            .And.Contain("var table = lab.FreeTable(\"lab.subject\");")
            .And.Contain("var connection = lab.Connection;")
            .And.Contain("var config = lab.Config;")
            .And.Not.Contain("Dj."));
    }

    [Test]
    public async Task NoFixIsOfferedWithoutAnInstanceInScope()
    {
        const string source = """
            using DataJoint;
            public static class Uses
            {
                public static Connection Run() => Dj.Conn();
            }
            """;
        Assert.That(await FixAllAsync(source), Is.EqualTo(source));
    }

    private sealed class ThreadSafeOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == ThreadSafetyAnalyzer.PropertyName ? "true" : null;
                return value is not null;
            }
        }
    }
}
