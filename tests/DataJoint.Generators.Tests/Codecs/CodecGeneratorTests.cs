using DataJoint.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataJoint.Generators.Tests.Codecs;

/// <summary>
/// <c>[Codec("name")]</c> classes type the <c>Row</c> properties of <c>&lt;name&gt;</c> attributes with the codec's value
/// type, whether the class is in the compilation's sources or in a referenced assembly; a name no class has is DJ0024.
/// </summary>
public sealed class CodecGeneratorTests
{
    private const string Codecs = """
        using DataJoint;
        namespace Lab.Graphs;

        public sealed record Graph(int Nodes);

        [Codec("graph")]
        public sealed class GraphCodec : Codec<Graph>
        {
            public override string Name => "graph";
            public override string StoredType(bool inStore) => "<blob>";
            public override object? Encode(Graph value, CodecContext context) => (double)value.Nodes;
            public override Graph Decode(object stored, CodecContext context) => new((int)(double)stored);
        }

        [Codec("counter")]
        public sealed class CounterCodec : Codec<int>
        {
            public override string Name => "counter";
            public override string StoredType(bool inStore) => "int32";
            public override object? Encode(int value, CodecContext context) => value;
            public override int Decode(object stored, CodecContext context) => (int)stored;
        }

        [Codec("anything")]
        public sealed class AnythingCodec : ICodec
        {
            public string Name => "anything";
            public string StoredType(bool inStore) => "json";
            public object? Encode(object value, CodecContext context) => null;
            public object? Decode(object stored, CodecContext context) => stored;
        }
        """;

    private const string Network = """"
        using DataJoint;
        namespace Lab;

        [Definition("""
            net_id : int32
            ---
            graph : <graph>
            archived = null : <graph@cold>
            visits = null : <counter>
            extra = null : <anything>
            """)]
        public partial class Network : Manual;

        public static class Use
        {
            public static Network.Row Make() => new() { NetId = 1, Graph = new Lab.Graphs.Graph(3), Visits = 4 };
        }
        """";

    [Test]
    public void RowPropertiesHaveTheCodecsValueTypes()
    {
        var result = GeneratorHarness.Run(Codecs, Network);
        Assert.That(result.CompileDiagnostics, Is.Empty);
        var code = result.Sources.Single(s => s.Key.Contains("Network", StringComparison.Ordinal)).Value;
        Assert.That(code, Does.Contain("public required global::Lab.Graphs.Graph Graph { get; init; }"));
        Assert.That(code, Does.Contain("public global::Lab.Graphs.Graph? Archived { get; init; }"));
        Assert.That(code, Does.Contain("public int? Visits { get; init; }"));
        Assert.That(code, Does.Contain("public object? Extra { get; init; }"));
        Assert.That(code, Does.Contain("Graph = global::DataJoint.ColumnReader.ReadCodec<global::Lab.Graphs.Graph>(reader, 1, \"<graph>\"),"));
        Assert.That(code, Does.Contain("reader.IsDBNull(3) ? null : global::DataJoint.ColumnReader.ReadCodec<int>(reader, 3, \"<counter>\")"));
    }

    [Test]
    public async Task KnownCodecsAreNoDiagnostic()
    {
        var diagnostics = await GeneratorHarness.BuildDiagnosticsAsync(Codecs, Network);
        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public async Task ACodecOfAReferencedAssemblyIsKnown()
    {
        var library = CSharpCompilation.Create("Lab.Codecs", [CSharpSyntaxTree.ParseText(Codecs, GeneratorHarness.ParseOptions)],
            GeneratorHarness.Compile().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Assert.That(library.Emit(image).Success, Is.True);
        var consumer = GeneratorHarness.Compile(Network).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));

        var result = GeneratorHarness.Run(GeneratorHarness.NewDriver(), consumer);
        Assert.That(result.CompileDiagnostics, Is.Empty);
        Assert.That(result.Sources.Single(s => s.Key.Contains("Network", StringComparison.Ordinal)).Value, Does.Contain("public int? Visits { get; init; }"));
        var analyzed = await GeneratorHarness.AnalyzeAsync(result.Output, new DefinitionAnalyzer());
        Assert.That(analyzed, Is.Empty);
    }

    [Test]
    public async Task AnUnknownCodecIsDJ0024AndTheRowStillCompiles()
    {
        var result = GeneratorHarness.Run(Network.Replace("<counter>", "<countr>", StringComparison.Ordinal), Codecs);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(result.Output, new DefinitionAnalyzer());
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DJ0024" }));
        Assert.That(diagnostics[0].GetMessage(), Does.Contain("'visits'").And.Contain("[Codec(\"countr\")]"));
        Assert.That(result.CompileDiagnostics.Where(d => !d.GetMessage().Contains("Visits", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void EditingATableLeavesTheCodecsCached()
    {
        var first = GeneratorHarness.Run(Codecs, Network);
        var compilation = GeneratorHarness.Compile(Codecs, Network);
        var table = compilation.SyntaxTrees.Single(t => t.ToString().Contains("net_id", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(table, table.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Network.Replace("net_id : int32", "net_id : int64", StringComparison.Ordinal))));
        var driver = GeneratorHarness.NewDriver().RunGenerators(compilation).RunGenerators(edited);
        var steps = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Codecs];
        Assert.That(first.CompileDiagnostics, Is.Empty);
        Assert.That(steps.SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
    }
}
