using System.Reflection;
using DataJoint.Generators.Emit;

namespace DataJoint.Generators.Tests;

/// <summary>
/// The markers of emitted code: <c>[GeneratedCode]</c> carries the generator's own version, and a generated method that
/// hides a base-class method says <c>new</c> instead of the file suppressing CS0108.
/// </summary>
public sealed class GeneratedCodeTests
{
    private const string Subject = """"
        using DataJoint;
        namespace Lab;

        [Definition("""
            subject_id : int32
            """)]
        public partial class Subject : Manual;
        """";

    [Test]
    public void GeneratedCodeNamesTheGeneratorAssemblyVersion()
    {
        var informational = typeof(DefinitionGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.That(GeneratedCodeMarker.Version, Is.EqualTo(informational.Split('+')[0]));
        var source = GeneratorHarness.Run(Subject).Sources["Lab.Subject.g.cs"];
        Assert.That(source, Does.Contain($"GeneratedCode(\"DataJoint.Generators\", \"{GeneratedCodeMarker.Version}\")"));
    }

    [Test]
    public void OnlyMethodsThatHideABaseMethodAreNew()
    {
        var result = GeneratorHarness.Run(Subject);
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        var source = result.Sources["Lab.Subject.g.cs"];
        Assert.That(source, Does.Not.Contain("CS0108"));
        Assert.That(source, Does.Contain("public new Row Fetch1()"), "QueryExpression has an untyped Fetch1()");
        Assert.That(source, Does.Contain("public new async global::System.Threading.Tasks.Task<Row> Fetch1Async("), "QueryExpression has an untyped Fetch1Async(CancellationToken)");
        Assert.That(source, Does.Contain("public global::System.Collections.Generic.IReadOnlyList<Key> FetchKeys("), "nothing in the base is hidden by FetchKeys");
    }

    [Test]
    public void AMethodHiddenInAnIntermediateBaseClassIsNewToo()
    {
        var result = GeneratorHarness.Run(""""
            using System.Threading;
            using System.Threading.Tasks;
            using DataJoint;
            namespace Lab;

            public abstract class AuditedManual : Manual
            {
                public new Task<object?> Fetch1Async(CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);
            }

            [Definition("""
                subject_id : int32
                """)]
            public partial class Subject : AuditedManual;
            """");
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        Assert.That(result.Sources["Lab.Subject.g.cs"], Does.Contain("public new async global::System.Threading.Tasks.Task<Row> Fetch1Async("));
    }
}
