using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Declaration;

public sealed class ExistingTableTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void RebindingAnExistingMatchingTableSucceeds()
    {
        Schema.Table<Probe>().Insert1(new Probe.Row { ProbeId = 1, Label = "a", Gain = 2, Taken = new DateOnly(2025, 2, 3) });
        var again = Instance.Schema(Schema.Name).Table<ProbeSample>();
        Assert.That(again.Count(), Is.Zero);
        Assert.That(Instance.Schema(Schema.Name).Table<Probe>().Fetch1().Label, Is.EqualTo("a"));
    }

    [Test]
    public void ATableThatDiffersFromItsDefinitionIsReported()
    {
        var comment = Backend == Backend.MySql ? " COMMENT ':int32:'" : "";
        Instance.Connection.Execute($"CREATE TABLE {Q(Schema.Name)}.{Q("probe")} (probe_id int NOT NULL{comment}, label varchar(8) NULL, "
            + "extra int NOT NULL, PRIMARY KEY (probe_id))");
        var ex = Assert.Throws<DefinitionException>(() => Schema.Table<Probe>());
        Assert.That(ex!.Message, Does.Contain("Probe")
            .And.Contain("`gain` is missing")
            .And.Contain("`label` is nullable in the table but required")
            .And.Contain("`extra`"));
    }

    [Test]
    public void ATableDeclaredTheDataJointPythonWayIsReadableThroughFreeTable()
    {
        // DDL as DataJoint-Python 2.x writes it: core types recorded as :type: markers in column comments.
        if (Backend == Backend.MySql)
        {
            Instance.Connection.Execute($"CREATE TABLE {Q(Schema.Name)}.{Q("#animal")} ("
                + "animal_id int NOT NULL COMMENT ':int32:lab id', species varchar(32) NOT NULL COMMENT ':varchar(32):', "
                + "born date DEFAULT NULL COMMENT ':date:', PRIMARY KEY (animal_id)) ENGINE=InnoDB COMMENT 'animals'");
        }
        else
        {
            Instance.Connection.Execute($"CREATE TABLE {Q(Schema.Name)}.{Q("#animal")} (animal_id integer NOT NULL, species varchar(32) NOT NULL, "
                + "born date DEFAULT NULL, PRIMARY KEY (animal_id))");
            Instance.Connection.Execute($"COMMENT ON COLUMN {Q(Schema.Name)}.{Q("#animal")}.animal_id IS ':int32:lab id'");
            Instance.Connection.Execute($"COMMENT ON COLUMN {Q(Schema.Name)}.{Q("#animal")}.species IS ':varchar(32):'");
            Instance.Connection.Execute($"COMMENT ON COLUMN {Q(Schema.Name)}.{Q("#animal")}.born IS ':date:'");
        }

        var animals = Instance.FreeTable($"{Q(Schema.Name)}.{Q("#animal")}");
        Assert.Multiple(() =>
        {
            Assert.That(animals.Heading.Names, Is.EqualTo(new[] { "animal_id", "species", "born" }));
            Assert.That(animals.Heading.PrimaryKey, Is.EqualTo(new[] { "animal_id" }));
            Assert.That(animals.Heading["animal_id"].Type, Is.EqualTo("int32"));
            Assert.That(animals.Heading["animal_id"].Comment, Is.EqualTo("lab id"));
            Assert.That(animals.Heading["born"].Nullable, Is.True);
        });
        animals.Insert([new { animal_id = 1, species = "mouse", born = new DateOnly(2024, 1, 1) }, new { animal_id = 2, species = "rat", born = (DateOnly?)null }]);
        var rows = (animals & new { species = "mouse" }).ToDicts();
        Assert.That(rows.Single()["born"], Is.EqualTo(new DateOnly(2024, 1, 1)));
        Assert.That(animals.Count(), Is.EqualTo(2));
        Assert.That((animals & new { animal_id = 2 }).DeleteQuick(), Is.EqualTo(1));
    }
}
