using DataJoint.Definition;

namespace DataJoint.Generators.Tests.Definition;

/// <summary>The pure parser, rule by rule (docs/semantics.md#definition-language), with the positions it records.</summary>
public sealed class DefinitionParserTests
{
    [Test]
    public void TheFirstCommentLineIsTheTableCommentAndTheDividerEndsTheKey()
    {
        var parsed = DefinitionParser.Parse("""
            # Experimental subject
            subject_id : int32   # lab id
            # a free comment is ignored

            ---
            species : varchar(32)
            ----
            weight = null : float64
            """);
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.Comment, Is.EqualTo("Experimental subject"));
        var attributes = parsed.Items.Cast<AttributeItem>().ToList();
        Assert.That(attributes.Select(a => (a.Name, a.InKey)), Is.EqualTo(new[] { ("subject_id", true), ("species", false), ("weight", false) }));
        Assert.That(attributes[0].Comment, Is.EqualTo("lab id"));
        Assert.That(attributes[2].IsNullable, Is.True);
    }

    [Test]
    public void DefaultsMayHoldQuotedColonsAndHashes()
    {
        var parsed = DefinitionParser.Parse("""
            id : int32
            ---
            label = "a: b # c" : varchar(16)   # the comment
            created = CURRENT_TIMESTAMP : datetime(3)
            n = 5 : int32
            """);
        Assert.That(parsed.Errors, Is.Empty);
        var items = parsed.Items.Cast<AttributeItem>().ToList();
        Assert.That(items[1].Default, Is.EqualTo("\"a: b # c\""));
        Assert.That(items[1].Type, Is.EqualTo("varchar(16)"));
        Assert.That(items[1].Comment, Is.EqualTo("the comment"));
        Assert.That(items[2].Default, Is.EqualTo("CURRENT_TIMESTAMP"));
        Assert.That(items[3].Default, Is.EqualTo("5"));
    }

    [Test]
    public void ForeignKeysCarryOptionsRenamesAndQualifiedNames()
    {
        var text = """
            -> Subject
            -> master
            ---
            -> [nullable, unique] Lab.Person.proj(owner_id='person_id')   # owner
            """;
        var parsed = DefinitionParser.Parse(text);
        Assert.That(parsed.Errors, Is.Empty);
        var keys = parsed.Items.Cast<ForeignKeyItem>().ToList();
        Assert.That(keys.Select(k => (k.Reference, k.InKey)), Is.EqualTo(new[] { ("Subject", true), ("master", true), ("Lab.Person", false) }));
        Assert.That((keys[2].Nullable, keys[2].Unique), Is.EqualTo((true, true)));
        Assert.That(keys[2].Renames.Single(), Has.Property("NewName").EqualTo("owner_id").And.Property("OldName").EqualTo("person_id"));
        Assert.That(text.Substring(keys[2].ReferenceRange.Start, keys[2].ReferenceRange.Length), Is.EqualTo("Lab.Person"));
    }

    [Test]
    public void IndexesAcceptAttributesExpressionsAndUniqueness()
    {
        var parsed = DefinitionParser.Parse("""
            id : int32
            ---
            a : int32
            b : int32
            index(a, b)
            UNIQUE INDEX (b)   # trailing comment
            index((a + b))
            """);
        Assert.That(parsed.Errors, Is.Empty);
        var indexes = parsed.Items.OfType<IndexItem>().ToList();
        Assert.That(indexes.Select(i => i.Unique), Is.EqualTo(new[] { false, true, false }));
        Assert.That(indexes[0].Columns.Select(c => c.Attribute), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(indexes[2].Columns.Single().Attribute, Is.Null, "an expression names no attribute");
    }

    [TestCase("id int32", "DJ0001")]
    [TestCase("Id : int32", "DJ0002")]
    [TestCase("id :", "DJ0003")]
    [TestCase("id = : int32", "DJ0005")]
    [TestCase("# :reserved", "DJ0006")]
    [TestCase("-> [sometimes] Subject", "DJ0008")]
    [TestCase("-> [nullable] Subject", "DJ0009")]
    [TestCase("id : int32\n---\nindex()", "DJ0010")]
    [TestCase("id = \"open : int32", "DJ0020")]
    [TestCase("-> Subject.proj(owner)", "DJ0007")]
    public void EachSyntaxErrorHasItsId(string definition, string id)
    {
        var parsed = DefinitionParser.Parse(definition);
        Assert.That(parsed.Errors.Select(e => e.Id), Does.Contain(id), string.Join("; ", parsed.Errors.Select(e => e.Id + " " + e.Message)));
    }

    [Test]
    public void OneBadLineDoesNotHideTheOthers()
    {
        var parsed = DefinitionParser.Parse("id int32\nother int32\nfine : int32");
        Assert.That(parsed.Errors.Count(e => e.Id == "DJ0001"), Is.EqualTo(2));
        Assert.That(parsed.Items.Cast<AttributeItem>().Single().Name, Is.EqualTo("fine"));
    }
}
