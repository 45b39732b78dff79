using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataJoint.Generators.Tests;

/// <summary>Runs the DataJoint generator (and analyzers) over C# source in memory and returns what they produced.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(DataJoint.Manual).Assembly.Location))
            .ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompileDiagnostics,
        IReadOnlyDictionary<string, string> Sources, GeneratorDriver Driver);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create("Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver NewDriver(DefinitionGenerator? generator = null) => CSharpGeneratorDriver.Create(
        [(generator ?? new DefinitionGenerator()).AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Result Run(params string[] sources) => Run(NewDriver(), Compile(sources));

    public static Result Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var run = driver.GetRunResult();
        var generated = run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var compile = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new Result(output, diagnostics, compile, generated, driver);
    }

    /// <summary>The diagnostics <paramref name="analyzer"/> reports on <paramref name="compilation"/>.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();

    /// <summary>
    /// What a build reports from DataJoint: the generator's diagnostics, then the definition analyzer's over the
    /// compilation that includes the generated code (as the compiler runs them).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> BuildDiagnosticsAsync(params string[] sources)
    {
        var result = Run(sources);
        var analyzer = await AnalyzeAsync(result.Output, new global::DataJoint.Generators.Diagnostics.DefinitionAnalyzer());
        return result.GeneratorDiagnostics.AddRange(analyzer);
    }
}
