using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DataJoint.Generators.ThreadSafety;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataJoint.Generators.Tests.ThreadSafety;

public sealed class ThreadSafetyAnalyzerTests
{
    private const string Source = """
        using DataJoint;

        public static class Uses
        {
            public static Instance? Shared;
            public static readonly object Lock = new();

            public static void Run(Connection connection)
            {
                var config = Dj.Config;
                var conn = Dj.Conn();
                var schema = Dj.Schema("lab");
                var table = Dj.FreeTable("lab.subject");
                var explicitSchema = Dj.Schema("lab", connection);
                var explicitTable = Dj.FreeTable(connection, "lab.subject");
                var safe = Dj.ThreadSafeMode;
            }
        }
        """;

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? threadSafe)
    {
        var compilation = GeneratorHarness.Compile(source);
        var options = new AnalyzerOptions([], new Options(threadSafe));
        var diagnostics = await compilation.WithAnalyzers([new ThreadSafetyAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }

    [Test]
    public async Task EveryGuardedMemberIsAnErrorInAThreadSafeProject()
    {
        var diagnostics = await AnalyzeAsync(Source, "true");
        var errors = diagnostics.Where(d => d.Id == "DJ3001").ToList();
        Assert.That(errors.Select(d => Text(d)), Is.EquivalentTo(new[]
        {
            "Dj.Config", "Dj.Conn()", "Dj.Schema(\"lab\")", "Dj.FreeTable(\"lab.subject\")",
        }));
        Assert.That(errors, Has.All.Matches<Diagnostic>(d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains("Instance", StringComparison.Ordinal)));

        var warning = diagnostics.Single(d => d.Id == "DJ3002");
        Assert.That(warning.GetMessage(), Does.StartWith("Static mutable field 'Shared' holds a Instance:"));
        Assert.That(errors.Single(d => Text(d) == "Dj.Config").GetMessage(), Does.StartWith("'Dj.Config' is DataJoint's global configuration"));
    }

    [TestCase(null)]
    [TestCase("false")]
    public async Task NothingIsReportedWithoutTheProperty(string? value) =>
        Assert.That(await AnalyzeAsync(Source, value), Is.Empty);

    private static string Text(Diagnostic d) => d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);

    private sealed class Options(string? threadSafe) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(threadSafe);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(null);
    }

    private sealed class Values(string? threadSafe) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == ThreadSafetyAnalyzer.PropertyName ? threadSafe : null;
            return value is not null;
        }
    }
}
