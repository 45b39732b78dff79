using DataJoint.Generators.Diagnostics;
using DataJoint.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DataJoint.Generators.Tests.Diagnostics;

/// <summary>
/// Every definition diagnostic id, reported by <see cref="DefinitionAnalyzer"/> at the exact token marked with
/// <c>{|DJxxxx:token|}</c>, and nothing else. DJ3xxx belong to the thread-safety analyzer (ThreadSafetyAnalyzerTests).
/// </summary>
public sealed class DefinitionAnalyzerTests
{
    /// <summary>A valid <c>Subject</c> table other test sources build on.</summary>
    internal const string Subject = """"
        using DataJoint;
        namespace Lab;

        [Definition("""
            subject_id : int32
            ---
            species : varchar(32)
            """)]
        public partial class Subject : Manual;
        """";

    /// <summary>A table <c>Probe</c> (multi-line raw definition) next to <see cref="Subject"/>.</summary>
    private static string Probe(string definition, string tier = "Manual", string members = "", string name = "Probe") => $$""""
        using DataJoint;
        namespace Lab;

        [Definition("""
        {{definition}}
        """)]
        public partial class {{name}} : {{tier}}
        {
            {{members}}
        }
        """";

    [TestCase("{|DJ0001:probe_id int32|}")]
    [TestCase("{|DJ0002:ProbeId|} : int32")]
    [TestCase("{|DJ0002:_probe|} : int32")]
    [TestCase("probe_id {|DJ0003::|}")]
    [TestCase("probe_id : {|DJ0004:int33|}")]
    [TestCase("probe_id : int32\n---\nn {|DJ0005:=|} : int32")]
    [TestCase("{|DJ0006:# :reserved table comment|}\nprobe_id : int32")]
    [TestCase("probe_id : int32 {|DJ0006:# :reserved|}")]
    [TestCase("-> Subject{|DJ0007:.proj(|}\nprobe_id : int32")]
    [TestCase("-> {|DJ0007:9Subject|}\nprobe_id : int32")]
    [TestCase("probe_id : int32\n---\n-> [{|DJ0008:optional|}] Subject")]
    [TestCase("-> [nullable] {|DJ0009:Subject|}\nprobe_id : int32")]
    [TestCase("probe_id : int32\n---\nindex(probe_id) {|DJ0010:extra|}")]
    [TestCase("probe_id : int32\n---\nindex{|DJ0010:()|}")]
    [TestCase("probe_id = {|DJ0011:null|} : int32")]
    [TestCase("probe_id : int32\n---\ndata = {|DJ0012:\"x\"|} : bytes")]
    [TestCase("probe_id : int32\n{|DJ0013:probe_id|} : int64")]
    [TestCase("probe_id : int32\n---\ntime_of_day : {|DJ0014:time|}")]
    [TestCase("probe_id : {|DJ0015:uint32|}")]
    [TestCase("probe_id : int32\n---\nkind : {|DJ0016:enum(a, b)|}")]
    [TestCase("probe_id : int32\n---\nindex({|DJ0017:speces|})")]
    [TestCase("probe_id : int32\n---\nkind = {|DJ0018:\"z\"|} : enum('a', 'b')")]
    [TestCase("probe_id : int32\n---\nn = {|DJ0018:abc|} : int32")]
    [TestCase("payload : {|DJ0019:json|}")]
    [TestCase("probe_id : int32\n---\nlabel = {|DJ0020:\"|}abc : varchar(8)")]
    [TestCase("probe_id : int32\n---\n{|DJ0021:a_name_that_is_far_too_long_for_postgresql_which_allows_63_chars|} : int32")]
    [TestCase("probe_id : int32\n---\n{|DJ0022:order|} : int32")]
    [TestCase("probe_id : int32\n---\ncontent : {|DJ0023:<hash>|}")]
    [TestCase("probe_id : int32\n---\nrecording = null : {|DJ0023:<object>|}")]
    [TestCase("probe_id : int32\n---\n{|DJ0024:graph|} : <graph>")]
    [TestCase("probe_id : int32\n---\n{|DJ0024:graph|} = null : <graph@cold>")]
    [TestCase("-> {|DJ2001:Subjekt|}\nprobe_id : int32")]
    [TestCase("-> {|DJ2003:master|}\nprobe_id : int32")]
    [TestCase("-> {|DJ2004:Subject|}.proj(owner='subject')\nprobe_id : int32")]
    public Task ADefinitionErrorIsReportedAtItsToken(string definition) => DiagnosticMarkup.VerifyAsync(Probe(definition), others: Subject);

    [Test]
    public Task AnAutoPopulatedTableWithoutMakeIsReportedOnTheClass() =>
        DiagnosticMarkup.VerifyAsync(Probe("-> Subject\n---\nn : int32", "Computed", name: "{|DJ1006:Probe|}"), others: Subject);

    [Test]
    public Task AnAutoPopulatedTableThatAddsAKeyAttributeIsReportedAtTheAttribute() =>
        DiagnosticMarkup.VerifyAsync(Probe("-> Subject\n{|DJ1008:epoch|} : int32\n---\nn : int32", "Computed", "void Make(Key key) { }"),
            others: Subject);

    [Test]
    public Task ClassShapeErrorsPointAtTheClassName() => DiagnosticMarkup.VerifyAsync("""
        using DataJoint;
        [Definition("a : int32")]
        public class {|DJ1001:NotPartial|} : Manual;
        public class {|DJ1001:Outer|}
        {
            [Definition("b : int32")]
            public partial class Inner : Manual;
        }
        [Definition("c : int32")]
        public partial class {|DJ1002:NoTier|};
        [Definition("-> {|DJ2003:master|}\nd : int32")]
        public partial class {|DJ1004:Loose|} : Part;
        [Definition("e : int32")]
        public partial class {|DJ1007:Probe_table|} : Manual;
        [Definition("f : int32")]
        public partial class {|DJ1005:AbcdefghijAbcdefghijAbcdefghijAbcdefghijAbcdefghijAbcdefghijAbcdefghij|} : Manual;
        """);

    [Test]
    public Task ANonConstantDefinitionIsReportedAtTheArgument() => DiagnosticMarkup.VerifyAsync("""
        using DataJoint;
        public static class Texts
        {
            public static readonly string Probe = "a : int32";
        }
        [Definition({|DJ1003:Texts.Probe|})]
        public partial class Probe : Manual;
        [Definition({|DJ1003:null|})]
        public partial class Other : Manual;
        """);

    [Test]
    public Task CyclesAreReportedOnEveryMember() => DiagnosticMarkup.VerifyAsync(""""
        using DataJoint;
        [Definition("""
            -> {|DJ2002:B|}
            a : int32
            """)]
        public partial class A : Manual;
        [Definition("""
            -> {|DJ2002:A|}
            b : int32
            """)]
        public partial class B : Manual;
        """");

    [Test]
    public Task AReferenceMatchingTablesInTwoNamespacesIsAmbiguous() => DiagnosticMarkup.VerifyAsync(""""
        using DataJoint;
        namespace Clinic
        {
            [Definition("""
                -> {|DJ2005:Subject|}
                visit : int32
                """)]
            public partial class Visit : Manual;
        }
        namespace Mice
        {
            [Definition("subject_id : int32")]
            public partial class Subject : Manual;
        }
        namespace Rats
        {
            [Definition("subject_id : int32")]
            public partial class Subject : Manual;
        }
        """");

    [Test]
    public Task AGlobalQualifiedReferenceNamesExactlyOneTable() => DiagnosticMarkup.VerifyAsync(""""
        using DataJoint;
        namespace Clinic
        {
            [Definition("""
                -> global::Mice.Subject
                visit : int32
                """)]
            public partial class Visit : Manual;

            [Definition("""
                -> {|DJ2001:global::Subject|}
                note : int32
                """)]
            public partial class Note : Manual;
        }
        namespace Mice
        {
            [Definition("subject_id : int32")]
            public partial class Subject : Manual;
        }
        namespace Rats
        {
            [Definition("subject_id : int32")]
            public partial class Subject : Manual;
        }
        """");

    [Test]
    public Task InheritingOneNameWithTwoTypesIsAKeyClash() => DiagnosticMarkup.VerifyAsync(Probe("""
        -> Subject
        -> {|DJ2006:Animal|}
        probe_id : int32
        """), others: [Subject, """"
        using DataJoint;
        namespace Lab;
        [Definition("""
            subject_id : int64
            """)]
        public partial class Animal : Manual;
        """"]);

    [Test]
    public Task TheTokenIsLocatedInSingleLineRawVerbatimAndEscapedStrings() => DiagnosticMarkup.VerifyAsync(""""
        using DataJoint;
        [Definition("""a_id : {|DJ0004:int33|}""")]
        public partial class A : Manual;
        [Definition(@"# the ""b"" table
        b_id : {|DJ0004:int34|}")]
        public partial class B : Manual;
        [Definition("# the \"c\" table\n\tc_id : {|DJ0004:int35|} # \u00e9")]
        public partial class C : Manual;
        [Definition(@"d_id : int32
        ---
        -> {|DJ2001:Nowhere|}")]
        public partial class D : Manual;
        """");

    [Test]
    public Task AValidPipelineHasNoDiagnostics() => DiagnosticMarkup.VerifyAsync(Probe("-> Subject\nprobe_id : int32\n---\nindex(probe_id)"), others: Subject);

    [Test]
    public Task AFailingAnalysisIsReportedAsInternalOnTheClass() =>
        DiagnosticMarkup.VerifyAsync(Probe("probe_id : int32", name: "{|DJ9999:Probe|}"),
            new DefinitionAnalyzer((_, _) => throw new InvalidOperationException("resolver defect")));

    [Test]
    public void TheAnalyzerSupportsEveryDefinitionIdAndNoUsageId()
    {
        var supported = new DefinitionAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        var expected = DiagnosticDescriptors.All.Select(d => d.Id).Where(id => !id.StartsWith("DJ3", StringComparison.Ordinal));
        Assert.That(supported, Is.EquivalentTo(expected));
    }
}
