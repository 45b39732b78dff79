using DataJoint.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace DataJoint.Generators.Tests.Diagnostics;

/// <summary>
/// The generator and the analyzer run in the same build; each diagnostic must come from one of them only. The
/// consumer build (ConsumerBuildTests) counts the same in the compiler's SARIF log.
/// </summary>
public sealed class ReportedOnceTests
{
    private const string Broken = DefinitionAnalyzerTests.Subject + """"


        [Definition("""
            -> Subject
            session_idx : int33
            ---
            -> Subjekt
            order : int32
            """)]
        public partial class Session : Manual;

        [Definition("""
            -> Session
            ---
            n : int32
            """)]
        public partial class Stats : Computed;

        [Definition("a : int32")]
        public class NotPartial : Manual;
        """";

    [Test]
    public async Task EveryDiagnosticOfABuildIsReportedExactlyOnce()
    {
        var result = GeneratorHarness.Run(Broken);
        Assert.That(result.GeneratorDiagnostics, Is.Empty, "the generator leaves definition diagnostics to the analyzer");
        var all = await GeneratorHarness.BuildDiagnosticsAsync(Broken);
        var ids = all.Select(d => d.Id).Order().ToList();
        Assert.That(ids, Is.EqualTo(new[] { "DJ0004", "DJ0022", "DJ1001", "DJ1006", "DJ2001" }));
        Assert.That(all.GroupBy(d => (d.Id, d.Location.SourceSpan)).Where(g => g.Count() > 1), Is.Empty);
        Assert.That(result.Sources.Keys, Does.Contain("Lab.Subject.g.cs"), "valid tables are still emitted");
        Assert.That(result.Sources.Keys, Does.Not.Contain("Lab.NotPartial.g.cs"), "unusable classes are not");
    }

    [Test]
    public async Task AnEmitterFailureIsTheGeneratorsOneInternalDiagnostic()
    {
        const string valid = """
            using DataJoint;
            [Definition("subject_id : int32")]
            public partial class Subject : Manual;
            """;
        var generator = new DefinitionGenerator(_ => throw new InvalidOperationException("emitter defect"));
        var result = GeneratorHarness.Run(GeneratorHarness.NewDriver(generator), GeneratorHarness.Compile(valid));
        var diagnostic = result.GeneratorDiagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DJ9999"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("Subject").And.Contain("emitter defect"));
        Assert.That(result.Sources, Is.Empty);
        Assert.That(await GeneratorHarness.AnalyzeAsync(result.Output, new DefinitionAnalyzer()), Is.Empty,
            "the analyzer has nothing to say about a valid table");
    }
}
