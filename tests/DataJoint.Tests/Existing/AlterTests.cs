using DataJoint.Tests.Infrastructure;
using V1 = DataJoint.Tests.Existing.AlterV1.Reading;

namespace DataJoint.Tests.Existing;

/// <summary>Alter on both backends: every supported change keeps the data, every refused change leaves the table as it was.</summary>
public sealed class AlterTests(Backend backend) : BackendTest(backend)
{
    private void DeclareVersionOne()
    {
        Schema.Table<V1>().Insert(
        [
            new V1.Row { ReadingId = 1, Value = 1.5f, Label = "x", Note = "first" },
            new V1.Row { ReadingId = 2, Value = -2.25f, Label = "y", Note = null },
        ]);
    }

    /// <summary>The class bound to the existing table as it is (a fresh schema handle, differences only warned about).</summary>
    private T Bind<T>() where T : UserTable, new() => Instance.Schema(Schema.Name).Table<T>(Validation.Warn);

    [Test]
    public async Task TypeDefaultCommentAddAndTableCommentChangesKeepTheData()
    {
        DeclareVersionOne();
        var log = new LogCapture();
        Instance.Connection.LoggerFactory = log;
        var changed = Bind<AlterChanged.Reading>();

        Assert.That(await changed.AlterAsync(), Is.True);

        var rows = changed.Fetch(orderBy: "reading_id");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.ReadingId, r.Value, r.Label, r.Note, r.Gain)),
                Is.EqualTo(new[] { (1, 1.5, "x", (string?)"first", 1), (2, -2.25, "y", null, 1) }));
            Assert.That(changed.AlterStatements(), Is.Empty, "nothing differs any more");
            Assert.That(Schema.GetTable("reading").Heading["value"].Type, Is.EqualTo("float64"));
            Assert.That(log.Events.Where(e => e.Id == 7205).Select(e => e.Message), Has.One.Contains("reading").And.One.Contains("AlterChanged.Reading"));
        });
        var described = changed.Describe();
        Assert.That(described, Does.StartWith("# readings, second version\n")
            .And.Match(@"\nlabel=""b"" +: varchar\(32\) +# the label\n")
            .And.Match(@"\ngain=1 +: int32 +# amplifier gain\n"), described);
        changed.Insert1(new AlterChanged.Reading.Row { ReadingId = 3, Value = 1e300, Note = null });
        Assert.That((changed & new { reading_id = 3 }).Fetch1().Label, Is.EqualTo("b"), "the new default applies");
    }

    [Test]
    public void AKeyInheritedFromAParentMatchesAndASecondaryIsAddedToTheChild()
    {
        Schema.Table<AlterChildV1.Device>().Insert1(new AlterChildV1.Device.Row { DeviceId = 7 });
        Schema.Table<AlterChildV1.Calibration>().Insert1(new AlterChildV1.Calibration.Row { DeviceId = 7, CalIdx = 1, Gain = 2.5f });
        var changed = Bind<AlterChildV2.Calibration>();

        Assert.That(changed.AlterStatements(), Has.Count.GreaterThan(0).And.Some.Contains("bias"));
        Assert.That(changed.Alter(prompt: false), Is.True);
        Assert.That(changed.Fetch().Select(r => (r.DeviceId, r.CalIdx, r.Gain, r.Bias)), Is.EqualTo(new[] { (7, (short)1, 2.5f, 0f) }));
        Assert.That(changed.AlterStatements(), Is.Empty);
    }

    [Test]
    public void ARenameIsNeverGuessedAndKeepsTheDataWhenNamed()
    {
        DeclareVersionOne();
        var renamed = Bind<AlterRenamed.Reading>();
        var before = renamed.Describe();

        var ex = Assert.Throws<DefinitionException>(() => renamed.Alter());
        Assert.That(ex!.Message, Does.Contain("would drop value and add amount").And.Contain("renames"));
        Assert.That(renamed.Describe(), Is.EqualTo(before), "a refused alter leaves the table as it was");
        Assert.Throws<ArgumentException>(() => renamed.Alter(renames: new Dictionary<string, string> { ["amount"] = "no_such" }));

        Assert.That(renamed.Alter(renames: new Dictionary<string, string> { ["amount"] = "value" }), Is.True);
        Assert.That(renamed.Fetch(orderBy: "reading_id").Select(r => r.Amount), Is.EqualTo(new[] { 1.5f, -2.25f }));
    }

    [Test]
    public void ADroppedAttributeGoesAndTheRestStays()
    {
        DeclareVersionOne();
        var dropped = Bind<AlterDropped.Reading>();
        Assert.That(dropped.AlterStatements().Single(s => s.Contains("DROP COLUMN", StringComparison.Ordinal)), Does.Contain("note"));

        Assert.That(dropped.Alter(), Is.True);

        Assert.That(Schema.GetTable("reading").Heading.Names, Is.EqualTo(new[] { "reading_id", "value", "label" }));
        Assert.That(dropped.Fetch(orderBy: "reading_id").Select(r => (r.Value, r.Label)), Is.EqualTo(new[] { (1.5f, "x"), (-2.25f, "y") }));
    }

    [Test]
    public void KeyIndexAndForeignKeyChangesAreRefusedAndLeaveTheTableAsItWas()
    {
        DeclareVersionOne();
        var before = Schema.GetTable("reading").Describe();

        var key = Assert.Throws<DefinitionException>(() => Bind<AlterKey.Reading>().Alter());
        var index = Assert.Throws<DefinitionException>(() => Bind<AlterIndexed.Reading>().Alter());
        var reference = Assert.Throws<DefinitionException>(() => Bind<AlterReferencing.Reading>().Alter());

        Assert.Multiple(() =>
        {
            Assert.That(key!.Message, Does.Contain("primary key is (reading_id) in the table and (reading_id, channel) in the class")
                .And.Contain("drop the table and declare it again"));
            Assert.That(index!.Message, Does.Contain("the indexes are none in the table and index(label) in the class"));
            Assert.That(reference!.Message, Does.Contain("the foreign keys are none in the table"));
            Assert.That(Schema.GetTable("reading").Describe(), Is.EqualTo(before));
            Assert.That(Schema.GetTable("reading").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void SafeModeShowsTheStatementsAndARefusalChangesNothing()
    {
        DeclareVersionOne();
        string? question = null;
        Instance.Config.SafeMode = true;
        Instance.Config.Confirm = q =>
        {
            question = q;
            return false;
        };
        var changed = Bind<AlterChanged.Reading>();

        Assert.That(changed.Alter(), Is.False);

        Assert.That(question, Does.Contain("ALTER TABLE").And.Contain("gain"));
        Assert.That(Schema.GetTable("reading").Heading.Contains("gain"), Is.False);
    }

    [Test]
    public void AlterInsideATransactionIsRefused()
    {
        DeclareVersionOne();
        var changed = Bind<AlterChanged.Reading>();
        using var transaction = Instance.Connection.Transaction();
        Assert.Throws<InvalidOperationException>(() => changed.Alter());
    }
}
