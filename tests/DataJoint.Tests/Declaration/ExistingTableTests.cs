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
        Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "probe")} (probe_id int NOT NULL{comment}, label varchar(8) NULL, "
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
            Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "#animal")} ("
                + "animal_id int NOT NULL COMMENT ':int32:lab id', species varchar(32) NOT NULL COMMENT ':varchar(32):', "
                + "born date DEFAULT NULL COMMENT ':date:', PRIMARY KEY (animal_id)) ENGINE=InnoDB COMMENT 'animals'");
        }
        else
        {
            Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "#animal")} (animal_id integer NOT NULL, species varchar(32) NOT NULL, "
                + "born date DEFAULT NULL, PRIMARY KEY (animal_id))");
            Instance.Connection.Execute($"COMMENT ON COLUMN {FullName(Schema.Name, "#animal")}.animal_id IS ':int32:lab id'");
            Instance.Connection.Execute($"COMMENT ON COLUMN {FullName(Schema.Name, "#animal")}.species IS ':varchar(32):'");
            Instance.Connection.Execute($"COMMENT ON COLUMN {FullName(Schema.Name, "#animal")}.born IS ':date:'");
        }

        var animals = Instance.FreeTable($"{FullName(Schema.Name, "#animal")}");
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

    [Test]
    public void ADriftedTableBindsWithValidationWarnAndLogsEachDifference()
    {
        var comment = Backend == Backend.MySql ? " COMMENT ':int32:'" : "";
        Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "probe")} (probe_id int NOT NULL{comment}, label varchar(8) NULL, "
            + "extra int NOT NULL, PRIMARY KEY (probe_id))");
        if (Backend != Backend.MySql) CommentColumn("probe", "probe_id", ":int32:");
        var log = new LogCapture();
        Instance.Connection.LoggerFactory = log;

        var probes = Schema.Table<Probe>(Validation.Warn);

        var differences = log.Messages(7201);
        Assert.That(differences, Has.Count.EqualTo(6), string.Join("\n", differences));
        foreach (var missing in new[] { "gain", "reading", "taken", "mode" })
        {
            Assert.That(differences, Has.One.Contains($"`{missing}` is missing"));
        }

        Assert.That(differences, Has.One.Contains("`label` is nullable in the table but required"));
        Assert.That(differences, Has.One.Contains("`extra`"));
        Assert.That(differences, Has.All.Contains("Probe"));
        Assert.That(probes.Count(), Is.Zero, "bound anyway: the table can be read");
    }

    [Test]
    public void ForeignKeyColumnsWithoutMarkersTakeTheirParentsTypes()
    {
        Schema.Table<Probe>().Insert1(new Probe.Row { ProbeId = 7, Label = "p", Gain = 1, Taken = new DateOnly(2025, 1, 2) });
        // The child as DataJoint-Python declares it: the foreign-key column has the parent's SQL type and no :type: marker
        // (MySQL copies the parent's comment text, PostgreSQL writes none).
        var marker = (string type) => Backend == Backend.MySql ? $" COMMENT ':{type}:'" : "";
        Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "probe_sample")} (probe_id int NOT NULL, "
            + $"sample_idx int NOT NULL{marker("int32")}, value double precision NOT NULL{marker("float64")}, "
            + $"PRIMARY KEY (probe_id, sample_idx), FOREIGN KEY (probe_id) REFERENCES {FullName(Schema.Name, "probe")} (probe_id) "
            + "ON UPDATE CASCADE ON DELETE RESTRICT)");
        if (Backend != Backend.MySql)
        {
            CommentColumn("probe_sample", "sample_idx", ":int32:");
            CommentColumn("probe_sample", "value", ":float64:");
        }

        var samples = Instance.Schema(Schema.Name).Table<ProbeSample>();
        samples.Insert1(new ProbeSample.Row { ProbeId = 7, SampleIdx = 1, Value = 0.5 });
        Assert.That(samples.Fetch1().Value, Is.EqualTo(0.5));
        var free = Instance.FreeTable($"{FullName(Schema.Name, "probe_sample")}");
        Assert.That(free.Heading["probe_id"].Type, Is.EqualTo("int32"), "restored from the parent's marker");
    }

    [Test]
    public void AForeignKeyColumnWhoseTypeDiffersFromItsParentIsStillReported()
    {
        Schema.Table<Probe>();
        Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "probe_sample")} (probe_id bigint NOT NULL, "
            + "sample_idx int NOT NULL, value double precision NOT NULL, PRIMARY KEY (probe_id, sample_idx))");
        var ex = Assert.Throws<DefinitionException>(() => Instance.Schema(Schema.Name).Table<ProbeSample>());
        Assert.That(ex!.Message, Does.Contain("`probe_id` has type bigint in the table but int32")
            .And.Contain("`sample_idx` has type").And.Contain("Validation.Warn"));
    }

    [Test]
    public void NativeTypesAreReportedInDataJointsSpelling()
    {
        Instance.Connection.Execute($"CREATE TABLE {FullName(Schema.Name, "native")} (a int NOT NULL, b smallint NOT NULL, c varchar(16) NOT NULL, "
            + "d char(3) NOT NULL, e decimal(6,2) NOT NULL, PRIMARY KEY (a))");
        var heading = Instance.FreeTable($"{FullName(Schema.Name, "native")}").Heading;
        // SQLite reports the declared type as written, as MySQL does.
        var expected = Backend != Backend.PostgreSql
            ? new[] { "int", "smallint", "varchar(16)", "char(3)", "decimal(6,2)" }
            : new[] { "integer", "smallint", "varchar(16)", "char(3)", "decimal(6,2)" };
        Assert.That(heading.Attributes.Select(a => a.Type), Is.EqualTo(expected));
    }
}
