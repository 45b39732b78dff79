using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataJoint.Tests.Infrastructure;

/// <summary>
/// Compiles C# (scaffolded or written by a test) with the DataJoint generator, as a consumer's build compiles it, and fails the
/// test on any warning or error of the generator or the compiler.
/// </summary>
public static class GeneratorCompiler
{
    /// <summary>Compiles <paramref name="sources"/> and loads the assembly.</summary>
    public static Assembly Load(params string[] sources) => Assembly.Load(Compile("Scaffolded" + Guid.NewGuid().ToString("N"), sources));

    /// <summary>Compiles <paramref name="sources"/> into <paramref name="path"/> (its file name without extension is the assembly name).</summary>
    public static void Save(string path, params string[] sources) => File.WriteAllBytes(path, Compile(Path.GetFileNameWithoutExtension(path), sources));

    private static byte[] Compile(string assemblyName, string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Manual).Assembly.Location));
        var compilation = CSharpCompilation.Create(assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"Source{i}.cs")), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new DataJoint.Generators.DefinitionGenerator().AsSourceGenerator()], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var diagnostics = generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(diagnostics, Is.Empty, string.Join("\n", diagnostics));
        Assert.That(emitted.Success, Is.True);
        return image.ToArray();
    }
}
