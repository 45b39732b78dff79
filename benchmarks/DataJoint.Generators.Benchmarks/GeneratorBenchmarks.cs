using System.Text;
using BenchmarkDotNet.Attributes;
using DataJoint.Generators;
using DataJoint.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataJoint.Generators.Benchmarks;

/// <summary>
/// Runs the DataJoint generator over a compilation of <see cref="Tables"/> tables (chains of foreign keys, a part per
/// tenth table): a cold run, an incremental run after editing one table's definition, and the definition analyzer over
/// the whole compilation (what a build or a full-solution analysis pays).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    [Params(500)]
    public int Tables { get; set; }

    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, Tables).Select(i => CSharpSyntaxTree.ParseText(Table(i, "int32"), parse, path: $"T{i}.cs")).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(DataJoint.Manual).Assembly.Location));
        _compilation = CSharpCompilation.Create("Bench", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _warmDriver = NewDriver(parse).RunGenerators(_compilation);
        var last = Tables - 1;
        _edited = _compilation.ReplaceSyntaxTree(trees[last], CSharpSyntaxTree.ParseText(Table(last, "int32", "extra = null : float64"), parse, path: $"T{last}.cs"));
    }

    private static GeneratorDriver NewDriver(CSharpParseOptions parse) =>
        CSharpGeneratorDriver.Create([new DefinitionGenerator().AsSourceGenerator()], parseOptions: parse);

    private static string Table(int i, string keyType, string extra = "")
    {
        var sb = new StringBuilder("using DataJoint;\nnamespace Bench;\n");
        var parent = i % 10 == 0 ? "" : $"-> T{i - 1}\n";
        sb.Append("[Definition(\"\"\"\n").Append(parent).Append($"t{i}_id : {keyType}\n---\nvalue : float64\nlabel = \"x\" : varchar(16)\n{extra}\n\"\"\")]\n");
        sb.Append($"public partial class T{i} : Manual");
        if (i % 10 == 5)
        {
            sb.Append($"\n{{\n[Definition(\"\"\"\n-> master\npart_idx : int32\n\"\"\")]\npublic partial class P : Part;\n}}\n");
        }
        else
        {
            sb.Append(";\n");
        }

        return sb.ToString();
    }

    [Benchmark(Baseline = true, Description = "cold run, all tables")]
    public int Cold() => NewDriver(new CSharpParseOptions(LanguageVersion.Latest)).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "incremental run after editing one table")]
    public int Incremental() => _warmDriver.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "definition analyzer, all tables")]
    public int Analyzer() => _compilation.WithAnalyzers([new DefinitionAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
}
