using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Changes;

public sealed class DeleteDropUpdateTests(Backend backend) : BackendTest(backend)
{
    private void Fill() => CascadeTables.Fill(Schema);

    [Test]
    public void DeleteCascadesFourLevelsThroughPartsInOneTransaction()
    {
        Fill();
        var deleted = (Schema.Table<Animal>() & new { lab = "a", animal = 1 }).Delete(prompt: false);
        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(Schema.Table<Lab>().Count(), Is.EqualTo(2));
            Assert.That(Schema.Table<Animal>().Count(), Is.EqualTo(3));
            Assert.That(Schema.Table<Recording>().Count(), Is.EqualTo(6));
            Assert.That(Schema.Table<Recording.Channel>().Count(), Is.EqualTo(18));
            Assert.That(Schema.Table<Spike>().Count(), Is.EqualTo(36));
            Assert.That((Schema.Table<Spike>() & new { lab = "a", animal = 1 }).Count(), Is.Zero);
        });

        Assert.That(Schema.Table<Lab>().Delete(prompt: false), Is.EqualTo(2));
        Assert.That(Schema.Table<Spike>().Count(), Is.Zero);
    }

    [Test]
    public void DeletingAWholeTableKeepsTheRowsWhoseNullableForeignKeyIsNull()
    {
        Fill();
        Schema.Table<Visit>().Insert([new Visit.Row { Visit = 1, Lab = "a" }, new Visit.Row { Visit = 2 }, new Visit.Row { Visit = 3, Lab = "b" }]);
        var preview = Diagram.Cascade(Schema.Table<Lab>()).Counts();
        Assert.That(Schema.Table<Lab>().Delete(prompt: false), Is.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(Schema.Table<Visit>().FetchKeys().Select(k => k.Visit), Is.EqualTo(new[] { 2 }), "the visit naming no lab stays");
            Assert.That(Schema.Table<Spike>().Count(), Is.Zero);
            Assert.That(Schema.Table<Animal>().Count(), Is.Zero);
            Assert.That(preview.Values.Sum(), Is.EqualTo(2 + 4 + 8 + 24 + 48 + 2), "the preview counts what the delete took: " + string.Join(", ", preview));
        });
    }

    [Test]
    public void RenamedForeignKeysCascadeToo()
    {
        Fill();
        Schema.Table<Pairing>().Insert1(new Pairing.Row { Lab = "a", Animal = 2, BuddyLab = "b", Buddy = 1 });
        (Schema.Table<Animal>() & new { lab = "b", animal = 1 }).Delete(prompt: false);
        Assert.That(Schema.Table<Pairing>().Count(), Is.Zero, "the pairing pointed at the deleted animal through the renamed key");
    }

    [Test]
    public void DeletingPartsWithoutTheirMasterIsRefusedAndRolledBack()
    {
        Fill();
        var channel = Schema.Table<Recording.Channel>() & new { channel = 1 };
        var ex = Assert.Throws<DataJointException>(() => channel.Delete(prompt: false));
        Assert.That(ex!.Message, Does.Contain("before its master"));
        Assert.That(Schema.Table<Spike>().Count(), Is.EqualTo(48), "nothing was deleted");
        Assert.That(channel.Delete(prompt: false, partIntegrity: "ignore"), Is.EqualTo(8));
        Assert.Throws<ArgumentException>(() => channel.Delete(prompt: false, partIntegrity: "sometimes"));
    }

    [Test]
    public void SafeModeAsksWithCountsAndARefusalKeepsEverything()
    {
        Fill();
        var questions = new List<string>();
        Instance.Config.SafeMode = true;
        Instance.Config.Confirm = q =>
        {
            questions.Add(q);
            return false;
        };
        Assert.That((Schema.Table<Animal>() & new { lab = "a", animal = 1 }).Delete(), Is.Zero);
        Assert.That(Schema.Table<Spike>().Count(), Is.EqualTo(48));
        Assert.That(questions.Single(), Does.Contain("animal: 1 row(s)").And.Contain("spike: 12 row(s)"));

        Instance.Config.Confirm = _ => true;
        Assert.That((Schema.Table<Animal>() & new { lab = "a", animal = 1 }).Delete(), Is.EqualTo(1));
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var tx = Instance.Connection.Transaction();
            Schema.Table<Animal>().Delete();
        }, "prompting inside an ongoing transaction is refused");
    }

    [Test]
    public async Task DeleteInsideATransactionIsRolledBackWithIt()
    {
        Fill();
        await using (var tx = await Instance.Connection.TransactionAsync())
        {
            Assert.That(await (Schema.Table<Lab>() & new { lab = "b" }).DeleteAsync(prompt: false), Is.EqualTo(1));
            Assert.That(Schema.Table<Spike>().Count(), Is.EqualTo(24));
        }

        Assert.That(Schema.Table<Spike>().Count(), Is.EqualTo(48));
    }

    [Test]
    public void DropTakesDependentsAndRefusesLonePartsAndRestrictions()
    {
        Fill();
        Assert.Throws<InvalidOperationException>(() => (Schema.Table<Animal>() & new { lab = "a" }).Drop(prompt: false));
        var part = Assert.Throws<DataJointException>(() => Schema.Table<Recording.Channel>().Drop(prompt: false));
        Assert.That(part!.Message, Does.Contain("without its master"));
        Assert.That(Schema.Table<Recording>().Drop(prompt: false), Is.True);
        Assert.That(Schema.ListTables(), Is.EquivalentTo(new[] { "lab", "animal" }));
        Assert.That(Schema.Table<Recording>().Count(), Is.Zero, "binding again declares the dropped table anew");
    }

    [Test]
    public void Update1ChangesOneRowAndRejectsBadKeys()
    {
        Schema.Table<Lab>().Insert1(new Lab.Row { Lab = "a" });
        Schema.Table<Animal>().Insert([new Animal.Row { Lab = "a", Animal = 1 }, new Animal.Row { Lab = "a", Animal = 2 }]);
        var pairing = Schema.Table<Pairing>();
        pairing.Insert1(new Pairing.Row { Lab = "a", Animal = 1, BuddyLab = "a", Buddy = 1 });
        pairing.Update1(new { lab = "a", animal = 1, buddy = 2 });
        Assert.That(pairing.Fetch1().Buddy, Is.EqualTo(2));

        Assert.That(Assert.Throws<ArgumentException>(() => pairing.Update1(new { lab = "a", buddy = 1 }))!.Message, Does.Contain("full primary key"));
        Assert.That(Assert.Throws<DataJointException>(() => pairing.Update1(new { lab = "a", animal = 2, buddy = 1 }))!.Message,
            Does.Contain("one existing entry"));
        Assert.Throws<UnknownAttributeException>(() => pairing.Update1(new { lab = "a", animal = 1, colour = "x" }));
        Assert.Throws<InvalidOperationException>(() => (pairing & new { lab = "a" }).Update1(new { lab = "a", animal = 1, buddy = 1 }));
        Assert.Throws<IntegrityException>(() => pairing.Update1(new { lab = "a", animal = 1, buddy = 9 }));
        Assert.That(pairing.Fetch1().Buddy, Is.EqualTo(2));
    }
}
