using DataJoint.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace DataJoint.Generators.Tests;

public sealed class GeneratorTests
{
    private const string Pipeline = """"
        using DataJoint;
        namespace Lab;

        [Definition("""
            # Experimental subject
            subject_id : int32            # lab-wide id
            ---
            species : varchar(32)
            date_of_birth = null : date
            """)]
        public partial class Subject : Manual;

        [Definition("""
            -> Subject
            session_idx : int32
            ---
            session_date : date
            """)]
        public partial class Session : Manual
        {
            [Definition("""
                -> master
                trial_idx : int32
                ---
                outcome : varchar(16)
                """)]
            public partial class Trial : Part;
        }
        """";

    [Test]
    public void APipelineCompilesWithoutDiagnostics()
    {
        var result = GeneratorHarness.Run(Pipeline);
        Assert.That(result.GeneratorDiagnostics, Is.Empty);
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        Assert.That(result.Sources.Keys, Is.EquivalentTo(new[] { "Lab.Subject.g.cs", "Lab.Session.g.cs", "Lab.Session.Trial.g.cs" }));
        Assert.That(result.Sources["Lab.Session.Trial.g.cs"], Does.Contain("public const string TableName = \"session__trial\";"));
    }

    [Test]
    public async Task AnUnknownParentIsReportedInsideTheString()
    {
        const string source = """"
            using DataJoint;
            [Definition("""
                -> Subjekt
                session_idx : int32
                """)]
            public partial class Session : Manual;
            """";
        var result = GeneratorHarness.Run(source);
        Assert.That(result.GeneratorDiagnostics, Is.Empty, "definition diagnostics are the analyzer's");
        var diagnostic = (await GeneratorHarness.AnalyzeAsync(result.Output, new DefinitionAnalyzer())).Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DJ2001"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("Subjekt"));
        var span = diagnostic.Location.SourceSpan;
        Assert.That(source.Substring(span.Start, span.Length), Is.EqualTo("Subjekt"));
    }

    [TestCase("\"-> Subjekt\\nsession_idx : int32\"")]
    [TestCase("@\"-> Subjekt\nsession_idx : int32\"")]
    [TestCase("\"\\t-> Subjekt\\nsession_idx : int32\"")]
    public async Task RegularAndVerbatimStringsAreLocatedToo(string literal)
    {
        var source = "using DataJoint;\n[Definition(" + literal + ")]\npublic partial class Session : Manual;\n";
        var diagnostics = await GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(source), new DefinitionAnalyzer());
        var diagnostic = diagnostics.Single(d => d.Id == "DJ2001");
        var span = diagnostic.Location.SourceSpan;
        Assert.That(source.Substring(span.Start, span.Length), Is.EqualTo("Subjekt"));
    }

    [Test]
    public void LineageFollowsForeignKeysThroughRenamesAndStopsAtNativeSecondaries()
    {
        var result = GeneratorHarness.Run(""""
            using DataJoint;
            namespace Lab;
            [Definition("""
                person_id : int32
                ---
                name : varchar(32)
                """)]
            public partial class Person : Manual;
            [Definition("""
                -> Person.proj(husband='person_id')
                -> Person.proj(wife='person_id')
                ---
                -> [nullable] Person.proj(witness='person_id')
                wedding_date : date
                """)]
            public partial class Marriage : Manual;
            [Definition("""
                -> Marriage
                child_idx : int32
                """)]
            public partial class Child : Manual;
            """");
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        string Line(string table, string attribute) =>
            result.Sources[$"Lab.{table}.g.cs"].Split('\n').Single(l => l.Contains($"new global::DataJoint.AttributeDefinition(name: \"{attribute}\""));
        const string FromPerson = "lineage: new global::DataJoint.AttributeLineage(origin: static () => global::Lab.Person.Definition, attribute: \"person_id\")";
        Assert.That(Line("Person", "person_id"), Does.Contain("lineage: new global::DataJoint.AttributeLineage(attribute: \"person_id\")"));
        Assert.That(Line("Person", "name"), Does.Not.Contain("lineage"));
        Assert.That(Line("Marriage", "husband"), Does.Contain(FromPerson));
        Assert.That(Line("Marriage", "wife"), Does.Contain(FromPerson));
        Assert.That(Line("Marriage", "witness"), Does.Contain(FromPerson), "a secondary foreign key inherits lineage too");
        Assert.That(Line("Marriage", "wedding_date"), Does.Not.Contain("lineage"));
        Assert.That(Line("Child", "husband"), Does.Contain(FromPerson), "transitively, to the table that declared it");
        Assert.That(Line("Child", "child_idx"), Does.Contain("lineage: new global::DataJoint.AttributeLineage(attribute: \"child_idx\")"));
    }

    [Test]
    public void CodecAttributesAreTypedByWhatTheirCodecDecodes()
    {
        var result = GeneratorHarness.Run(""""
            using DataJoint;
            namespace Lab;
            [Definition("""
                scan_id : int32
                ---
                image : <blob>
                mask = null : <blob>
                raw_file : <attach>
                archived = null : <blob@cold>
                content = null : <hash@cold>
                report = null : <attach@>
                """)]
            public partial class Scan : Manual;
            """");
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        var source = result.Sources["Lab.Scan.g.cs"];
        Assert.Multiple(() =>
        {
            Assert.That(source, Does.Contain("public required object Image { get; init; }"));
            Assert.That(source, Does.Contain("public object? Mask { get; init; }"));
            Assert.That(source, Does.Contain("public required global::DataJoint.Attachment RawFile { get; init; }"));
            Assert.That(source, Does.Contain("public object? Archived { get; init; }"));
            Assert.That(source, Does.Contain("public byte[]? Content { get; init; }"));
            Assert.That(source, Does.Contain("public global::DataJoint.Attachment? Report { get; init; }"));
            Assert.That(source, Does.Contain("global::DataJoint.ColumnReader.ReadBlob(reader, 1)"));
            Assert.That(source, Does.Contain("global::DataJoint.ColumnReader.ReadAttachment(reader, 3)"));
            Assert.That(source, Does.Contain("global::DataJoint.ColumnReader.ReadStoredBlob(reader, 4)"));
            Assert.That(source, Does.Contain("global::DataJoint.ColumnReader.ReadHashed(reader, 5)"));
            Assert.That(source, Does.Contain("global::DataJoint.ColumnReader.ReadStoredAttachment(reader, 6)"));
        });
    }
}
