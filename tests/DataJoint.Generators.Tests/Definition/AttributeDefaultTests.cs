using DataJoint.Definition;
using DataJoint.Generators.Tests.Diagnostics;

namespace DataJoint.Generators.Tests.Definition;

/// <summary>
/// The one reading of a written default (<see cref="AttributeDefault"/>): quotes, doubled quotes, backslashes, null,
/// CURRENT_TIMESTAMP, numbers and enum values; the Row initializer the generator writes from it; DJ0018 when it is
/// malformed. The runtime's DDL reads the same class; DataJoint.Tests' DefaultValueTests checks on both servers that
/// the stored default equals the generated initializer.
/// </summary>
public sealed class AttributeDefaultTests
{
    [TestCase("null", "Null", "")]
    [TestCase(" NULL ", "Null", "")]
    [TestCase("CURRENT_TIMESTAMP", "CurrentTimestamp", "CURRENT_TIMESTAMP")]
    [TestCase("current_timestamp( 3 )", "CurrentTimestamp", "CURRENT_TIMESTAMP(3)")]
    [TestCase("\"null\"", "Quoted", "null")]
    [TestCase("'CURRENT_TIMESTAMP'", "Quoted", "CURRENT_TIMESTAMP")]
    [TestCase("'it''s'", "Quoted", "it's")]
    [TestCase("\"say \"\"hi\"\"\"", "Quoted", "say \"hi\"")]
    [TestCase("\"it's\"", "Quoted", "it's")]
    [TestCase("'say \"hi\"'", "Quoted", "say \"hi\"")]
    [TestCase(@"""C:\data\new""", "Quoted", @"C:\data\new")]
    [TestCase(@"'\\'", "Quoted", @"\\")]
    [TestCase(@"'a\'", "Quoted", @"a\")]
    [TestCase("''", "Quoted", "")]
    [TestCase("''''", "Quoted", "'")]
    [TestCase("42", "Bare", "42")]
    [TestCase("-1.5e3", "Bare", "-1.5e3")]
    [TestCase("true", "Bare", "true")]
    [TestCase("M", "Bare", "M")]
    public void ReadsTheKindAndTheValue(string written, string kind, string value)
    {
        var parsed = AttributeDefault.TryParse(written, out var problem);
        Assert.That(problem, Is.Null);
        Assert.That(parsed!.Kind.ToString(), Is.EqualTo(kind));
        Assert.That(parsed.Value, Is.EqualTo(value));
    }

    [TestCase("'a'b'")]
    [TestCase("'a' 'b'")]
    [TestCase("'''")]
    [TestCase("'abc")]
    [TestCase("\"abc'")]
    [TestCase("a\"b")]
    [TestCase("  ")]
    public void RejectsMalformedDefaults(string written)
    {
        Assert.That(AttributeDefault.TryParse(written, out var problem), Is.Null);
        Assert.That(problem, Is.Not.Empty);
        Assert.Throws<FormatException>(() => AttributeDefault.Parse(written));
    }

    [TestCase("true", "1")]
    [TestCase("FALSE", "0")]
    [TestCase("'true'", "1")]
    [TestCase("1", "1")]
    public void BooleanLiteralsAreStoredAsOneOrZero(string written, string stored) =>
        Assert.That(AttributeDefault.Parse(written).LiteralFor(TypeCategory.Bool), Is.EqualTo(stored));

    [Test]
    public void OnlyLiteralsHaveAStoredValue()
    {
        Assert.That(AttributeDefault.Parse("null").LiteralFor(TypeCategory.VarChar), Is.Null);
        Assert.That(AttributeDefault.Parse("CURRENT_TIMESTAMP(6)").LiteralFor(TypeCategory.DateTime), Is.Null);
        Assert.That(AttributeDefault.Parse("'true'").LiteralFor(TypeCategory.VarChar), Is.EqualTo("true"));
    }

    private const string Escaped = """""
        using DataJoint;
        namespace Lab;

        [Definition(""""
            item_id : int32
            ---
            quote = 'it''s' : varchar(16)
            double_quote = "say ""hi""" : varchar(16)
            backslash = "C:\data\new" : varchar(16)
            trailing = 'a\' : varchar(8)
            word = "null" : varchar(8)
            kind = 'o''clock' : enum('o''clock', 'noon')
            bare_kind = noon : enum('o''clock', 'noon')
            count = "5" : int32
            negative = -7 : int16
            ratio = 2.5e-1 : float64
            price = 1.25 : decimal(6,2)
            flag = TRUE : bool
            day = '2024-02-29' : date
            stamp = CURRENT_TIMESTAMP(3) : datetime(3)
            maybe = NULL : varchar(8)
            """")]
        public partial class Defaults : Manual;
        """"";

    [TestCase("Quote", "= \"it's\";")]
    [TestCase("DoubleQuote", "= \"say \\\"hi\\\"\";")]
    [TestCase("Backslash", "= \"C:\\\\data\\\\new\";")]
    [TestCase("Trailing", "= \"a\\\\\";")]
    [TestCase("Word", "= \"null\";")]
    [TestCase("Kind", "= \"o'clock\";")]
    [TestCase("BareKind", "= \"noon\";")]
    [TestCase("Count", "= (int)5;")]
    [TestCase("Negative", "= (short)-7;")]
    [TestCase("Ratio", "= (double)0.25d;")]
    [TestCase("Price", "= 1.25m;")]
    [TestCase("Flag", "= true;")]
    [TestCase("Day", "= new global::System.DateOnly(2024, 2, 29);")]
    public void TheRowInitializerCarriesTheParsedValue(string property, string initializer)
    {
        var result = GeneratorHarness.Run(Escaped);
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        var line = result.Sources["Lab.Defaults.g.cs"].Split('\n').Single(l => l.Contains($" {property} {{ get; init; }}"));
        Assert.That(line.TrimEnd(), Does.EndWith("{ get; init; } " + initializer));
    }

    [TestCase("Stamp", "global::System.DateTime?")]
    [TestCase("Maybe", "string?")]
    public void TheServerSideAndNullDefaultsHaveNoInitializer(string property, string type)
    {
        var result = GeneratorHarness.Run(Escaped);
        var line = result.Sources["Lab.Defaults.g.cs"].Split('\n').Single(l => l.Contains($" {property} {{ get; init; }}"));
        Assert.That(line.Trim(), Is.EqualTo($"public {type} {property} {{ get; init; }}"));
    }

    private static string Probe(string line) => $$""""
        using DataJoint;
        namespace Lab;

        [Definition("""
            probe_id : int32
            ---
            {{line}}
            """)]
        public partial class Probe : Manual;
        """";

    [TestCase("label = {|DJ0018:'a' 'b'|} : varchar(8)")]
    [TestCase("label = {|DJ0018:'it''s'|} : varchar(3)")]
    [TestCase("label = {|DJ0018:'a\0b'|} : varchar(8)")]
    [TestCase("kind = {|DJ0018:\"o'clock\"|} : enum('o''''clock')")]
    [TestCase("n = {|DJ0018:CURRENT_TIMESTAMP|} : int32")]
    [TestCase("price = {|DJ0018:abc|} : decimal(6,2)")]
    [TestCase("flag = {|DJ0018:'yes'|} : bool")]
    public Task MalformedOrMismatchedDefaultsAreDJ0018(string line) => DiagnosticMarkup.VerifyAsync(Probe(line));

    [TestCase("label = 'it''s' : varchar(4)")]
    [TestCase("kind = 'o''clock' : enum('o''clock', 'noon')")]
    [TestCase("path = \"C:\\x\" : varchar(4)")]
    [TestCase("stamp = current_timestamp : datetime")]
    public Task WellFormedDefaultsAreAccepted(string line) => DiagnosticMarkup.VerifyAsync(Probe(line));
}
