using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Changes;

public sealed class LineageTableTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void DeclarationWritesLineageThatFreeTablesUseForSemanticMatching()
    {
        Schema.Table<Pairing>();
        var rows = Instance.Connection.Query($"SELECT table_name, attribute_name, lineage FROM {FullName(Schema.Name, "~lineage")} ORDER BY table_name, attribute_name");
        var lineage = rows.ToDictionary(r => $"{r["table_name"]}.{r["attribute_name"]}", r => (string)r["lineage"]!);
        Assert.Multiple(() =>
        {
            Assert.That(lineage[$"lab.lab"], Is.EqualTo($"{Schema.Name}.lab.lab"));
            Assert.That(lineage[$"animal.lab"], Is.EqualTo($"{Schema.Name}.lab.lab"), "inherited attributes keep their origin");
            Assert.That(lineage[$"pairing.buddy"], Is.EqualTo($"{Schema.Name}.animal.animal"), "renamed foreign keys keep their origin");
            Assert.That(lineage.Keys, Does.Not.Contain("pairing.nothing"));
        });
        Assert.That(Schema.ListTables(), Does.Not.Contain("~lineage"));

        var animal = Instance.FreeTable($"{Schema.Name}.animal");
        var pairing = Instance.FreeTable($"{Schema.Name}.pairing");
        Assert.That(animal.Heading.LineageAvailable, Is.True);
        Assert.That(pairing.Heading["buddy_lab"].Lineage, Is.EqualTo($"{Schema.Name}.lab.lab"));
        Assert.That((pairing * animal).Heading.PrimaryKey, Is.EqualTo(new[] { "lab", "animal" }), "homologous namesakes join");

        Schema.Table<Animal>().Drop(prompt: false);
        Assert.That(Instance.Connection.Query($"SELECT count(*) AS n FROM {FullName(Schema.Name, "~lineage")}").Single()["n"], Is.EqualTo(1L),
            "only the lab's row is left");
    }
}

public sealed class UpstreamLineageTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void LineageNamesTheSchemaOfTheOriginatingTableAcrossUpstreamSchemas()
    {
        // Lab in the test schema, Animal one schema down, Pairing two down: Pairing sees Lab's schema only through Animal's.
        var animals = Instance.Schema(Schema.Name + "_a", upstream: [Schema]);
        var pairings = Instance.Schema(Schema.Name + "_p", upstream: [animals]);
        try
        {
            Schema.Table<Lab>();
            animals.Table<Animal>();
            var heading = pairings.Table<Pairing>().Heading;
            Assert.Multiple(() =>
            {
                Assert.That(heading["lab"].Lineage, Is.EqualTo($"{Schema.Name}.lab.lab"));
                Assert.That(heading["animal"].Lineage, Is.EqualTo($"{animals.Name}.animal.animal"));
                Assert.That(heading["buddy_lab"].Lineage, Is.EqualTo($"{Schema.Name}.lab.lab"), "renamed, two schemas up");
                Assert.That(heading["buddy"].Lineage, Is.EqualTo($"{animals.Name}.animal.animal"));
            });
            var stored = Instance.Connection.Query($"SELECT attribute_name, lineage FROM {FullName(pairings.Name, "~lineage")}")
                .ToDictionary(r => (string)r["attribute_name"]!, r => (string)r["lineage"]!);
            Assert.That(stored["buddy_lab"], Is.EqualTo($"{Schema.Name}.lab.lab"));
        }
        finally
        {
            pairings.Drop(prompt: false);
            animals.Drop(prompt: false);
        }
    }
}

public sealed class ListTablesOrderTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void TablesAreListedParentsFirstWithPartsAfterTheirMaster()
    {
        Schema.Table<Spike>();
        Schema.Table<Pairing>();
        Assert.That(Schema.ListTables(), Is.EqualTo(new[] { "lab", "animal", "pairing", "recording", "recording__channel", "spike" }));
    }
}

public sealed class ConcurrentBindingTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task ManyInstancesBindingTheSameTablesAtOnceAgree()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => NewInstance()).ToList();
        await Task.WhenAll(instances.SelectMany(i => Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => i.Schema(Schema.Name).Table<Pairing>().Count()))));
        var rows = Instance.Connection.Query($"SELECT count(*) AS n FROM {FullName(Schema.Name, "~lineage")}");
        Assert.That(rows.Single()["n"], Is.EqualTo(7L), "lab: lab; animal: lab, animal; pairing: lab, animal, buddy_lab, buddy");
    }
}
