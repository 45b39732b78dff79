namespace DataJoint.Generators.Tests.Diagnostics;

/// <summary>
/// One definition error per case: the generator reports the expected id, and the location inside the string
/// literal covers the offending token.
/// </summary>
public sealed class DefinitionDiagnosticTests
{
    private static string Table(string definition, string tier = "Manual", string members = "") => $$""""
        using DataJoint;
        namespace Lab;

        [Definition("""
            subject_id : int32
            ---
            species : varchar(32)
            """)]
        public partial class Subject : Manual;

        [Definition("""
        {{definition}}
        """)]
        public partial class Probe : {{tier}}
        {
            {{members}}
        }
        """";

    [TestCase("probe_id int32", "DJ0001", "probe_id int32")]
    [TestCase("ProbeId : int32", "DJ0002", "ProbeId")]
    [TestCase("_probe : int32", "DJ0002", "_probe")]
    [TestCase("probe_id : int33", "DJ0004", "int33")]
    [TestCase("probe_id : uint32", "DJ0015", "uint32")]
    [TestCase("probe_id : int32\n---\nkind : enum(a, b)", "DJ0016", "enum(a, b)")]
    [TestCase("probe_id = null : int32", "DJ0011", "null")]
    [TestCase("probe_id : int32\n---\ndata = \"x\" : bytes", "DJ0012", "\"x\"")]
    [TestCase("probe_id : int32\n---\nkind = \"z\" : enum('a', 'b')", "DJ0018", "\"z\"")]
    [TestCase("probe_id : int32\n---\nn = abc : int32", "DJ0018", "abc")]
    [TestCase("probe_id : int32\n---\norder : int32", "DJ0022", "order")]
    [TestCase("payload : json", "DJ0019", "json")]
    [TestCase("probe_id : int32\nprobe_id : int64", "DJ0013", "probe_id")]
    [TestCase("-> Subjekt\nprobe_id : int32", "DJ2001", "Subjekt")]
    [TestCase("-> [optional] Subject", "DJ0008", "optional")]
    [TestCase("-> [nullable] Subject", "DJ0009", "Subject")]
    [TestCase("-> Subject.proj(owner='subject')", "DJ2004", "Subject")]
    [TestCase("-> master", "DJ2003", "master")]
    [TestCase("probe_id : int32\n---\nindex(speces)", "DJ0017", "speces")]
    [TestCase("probe_id : int32\n---\ntime_of_day : time", "DJ0014", "time")]
    public void DefinitionErrorsAreReportedAtTheirToken(string definition, string id, string token)
    {
        var source = Table(definition);
        var result = GeneratorHarness.Run(source);
        var diagnostic = result.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got {string.Join(", ", result.GeneratorDiagnostics.Select(d => d.Id + ": " + d.GetMessage()))}");
        var span = diagnostic!.Location.SourceSpan;
        Assert.That(source.Substring(span.Start, span.Length), Does.Contain(token));
        Assert.That(result.GeneratorDiagnostics.Where(d => d.Id != id && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error), Is.Empty,
            "one mistake, one error");
    }

    [Test]
    public void AComputedTableWithoutMakeOrWithItsOwnKeyIsAnError()
    {
        var noMake = GeneratorHarness.Run(Table("-> Subject\n---\nn : int32", "Computed"));
        Assert.That(noMake.GeneratorDiagnostics.Select(d => d.Id), Does.Contain("DJ1006"));
        var ownKey = GeneratorHarness.Run(Table("-> Subject\nepoch : int32\n---\nn : int32", "Computed", "void Make(Key key) { }"));
        Assert.That(ownKey.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DJ1008" }));
    }

    [Test]
    public void ShapeErrorsPointAtTheClass()
    {
        var result = GeneratorHarness.Run("""
            using DataJoint;
            [Definition("a : int32")]
            public class NotPartial : Manual;
            [Definition("a : int32")]
            public partial class NoTier;
            [Definition("-> master\nb : int32")]
            public partial class Loose : Part;
            """);
        Assert.That(result.GeneratorDiagnostics.Select(d => d.Id), Is.SupersetOf(new[] { "DJ1001", "DJ1002", "DJ1004" }));
    }

    [Test]
    public void CyclesAreReported()
    {
        var result = GeneratorHarness.Run(""""
            using DataJoint;
            [Definition("""
                -> B
                a : int32
                """)]
            public partial class A : Manual;
            [Definition("""
                -> A
                b : int32
                """)]
            public partial class B : Manual;
            """");
        Assert.That(result.GeneratorDiagnostics.Count(d => d.Id == "DJ2002"), Is.EqualTo(2), "reported on both tables of the cycle");
    }
}
