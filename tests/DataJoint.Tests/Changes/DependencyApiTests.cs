using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Changes;

/// <summary>Parents, children, ancestors, descendants, parts and foreign-key info read from the database (docs/semantics.md#dependencies).</summary>
public sealed class DependencyApiTests(Backend backend) : BackendTest(backend)
{
    private static IEnumerable<string> Names(IEnumerable<FreeTable> tables) => tables.Select(t => t.SqlTableName);

    [Test]
    public void ParentsAndChildrenWithThePrimaryFilter()
    {
        Schema.Table<Pairing>();
        Schema.Table<Spike>();
        var animal = Schema.Table<Animal>();
        Assert.Multiple(() =>
        {
            Assert.That(Names(animal.Parents()), Is.EqualTo(new[] { "lab" }));
            Assert.That(Names(animal.Children()), Is.EquivalentTo(new[] { "recording", "pairing" }));
            Assert.That(Names(animal.Children(primary: true)), Is.EquivalentTo(new[] { "recording", "pairing" }));
            Assert.That(Names(Schema.Table<Pairing>().Parents(primary: false)), Is.EqualTo(new[] { "animal" }), "the buddy reference is secondary");
            Assert.That(Names(Schema.Table<Pairing>().Parents(primary: true)), Is.EqualTo(new[] { "animal" }));
            Assert.That(Schema.Table<Pairing>().ParentForeignKeys(), Has.Count.EqualTo(2), "two foreign keys to one parent");
        });
    }

    [Test]
    public void ForeignKeyInfoDescribesRenamesAndMultiplicity()
    {
        var keys = Schema.Table<Pairing>().ParentForeignKeys();
        var direct = keys.Single(k => k.Primary);
        var renamed = keys.Single(k => !k.Primary);
        Assert.Multiple(() =>
        {
            Assert.That(direct.Parent.SqlTableName, Is.EqualTo("animal"));
            Assert.That(direct.AttributeMap, Is.EqualTo(new[] { KeyValuePair.Create("lab", "lab"), KeyValuePair.Create("animal", "animal") }));
            Assert.That(direct.Aliased, Is.False);
            Assert.That(direct.Multi, Is.False, "the key is the child's whole primary key");
            Assert.That(renamed.AttributeMap, Is.EqualTo(new[] { KeyValuePair.Create("buddy_lab", "lab"), KeyValuePair.Create("buddy", "animal") }));
            Assert.That(renamed.Aliased, Is.True);
            Assert.That(renamed.Multi, Is.True);
            Assert.That(Schema.Table<Recording>().ParentForeignKeys().Single().Multi, Is.True, "many recordings per animal");
        });
    }

    [Test]
    public void AncestorsAndDescendantsAreTopologicallySortedAndIncludeTheTable()
    {
        Schema.Table<Spike>();
        Schema.Table<Pairing>();
        var ancestors = Names(Schema.Table<Spike>().Ancestors()).ToList();
        Assert.That(ancestors, Is.EqualTo(new[] { "lab", "animal", "recording", "recording__channel", "spike" }));
        var descendants = Names(Schema.Table<Animal>().Descendants()).ToList();
        Assert.That(descendants, Is.EquivalentTo(new[] { "animal", "pairing", "recording", "recording__channel", "spike" }));
        Assert.That(descendants.IndexOf("recording"), Is.LessThan(descendants.IndexOf("recording__channel")));
        Assert.That(descendants.IndexOf("recording__channel"), Is.LessThan(descendants.IndexOf("spike")));
        Assert.That(descendants[0], Is.EqualTo("animal"));
    }

    [Test]
    public void PartsAreFoundByNameAndFreeTablesSeeTheSameGraphAcrossSchemas()
    {
        Schema.Table<Recording>();
        Assert.That(Names(Schema.Table<Recording>().Parts()), Is.EqualTo(new[] { "recording__channel" }));
        Assert.That(Schema.Table<Animal>().Parts(), Is.Empty);

        // A table in a second schema referring to this one, written by hand as DataJoint-Python would declare it.
        var other = NewSchema();
        Instance.Connection.Execute($"CREATE TABLE {FullName(other.Name, "note")} ({Q("lab")} varchar(16) NOT NULL, {Q("note")} int NOT NULL, "
            + $"PRIMARY KEY ({Q("lab")}, {Q("note")}), FOREIGN KEY ({Q("lab")}) REFERENCES {FullName(Schema.Name, "lab")} ({Q("lab")}) "
            + "ON UPDATE CASCADE ON DELETE RESTRICT)");
        var lab = new FreeTable(Instance.Connection, $"{Schema.Name}.lab");
        Assert.That(lab.Children().Select(t => t.FullTableName), Does.Contain(new FreeTable(Instance.Connection, $"{other.Name}.note").FullTableName));
        var note = new FreeTable(Instance.Connection, $"{other.Name}.note");
        Assert.That(note.Ancestors().Select(t => t.FullTableName), Is.EqualTo(new[] { lab.FullTableName, note.FullTableName }));
        Assert.That(note.ParentForeignKeys().Single().Primary, Is.True);
    }
}
