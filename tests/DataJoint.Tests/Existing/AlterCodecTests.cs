using DataJoint.Tests.Codecs;
using DataJoint.Tests.Infrastructure;
using V1 = DataJoint.Tests.Existing.AlterCodecV1.CodecReading;

namespace DataJoint.Tests.Existing;

/// <summary>
/// Alter on tables with codec attributes, on every backend: custom and stored codec attributes are added and modified
/// (declared by the column their chain ends in), and a change of an attribute's codec is refused while rows hold values
/// the old codec wrote.
/// </summary>
public sealed class AlterCodecTests(Backend backend) : BackendTest(backend)
{
    private string folder = "";

    [SetUp]
    public void RegisterCodecAndStore()
    {
        Instance.Codecs.Register(new GraphCodec());
        folder = Path.Combine(Path.GetTempPath(), "dj-alter-codecs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", folder);
    }

    [TearDown]
    public void RemoveStore() => Directory.Delete(folder, recursive: true);

    private void DeclareVersionOne(bool withRows = true)
    {
        var table = Schema.Table<V1>();
        if (withRows) table.Insert1(new V1.Row { ReadingId = 1, Shape = new[] { 1.0, 2.0 }, Network = new Graph(3, [0.5]) });
    }

    private T Bind<T>() where T : UserTable, new() => Instance.Schema(Schema.Name).Table<T>(Validation.Warn);

    [Test]
    public async Task CodecAttributesAreAddedAndModifiedAndKeepTheirValues()
    {
        DeclareVersionOne();
        Assert.That(Bind<V1>().AlterStatements(), Is.Empty, "a table with a custom codec attribute matches its class");
        var added = Bind<AlterCodecAdded.CodecReading>();

        Assert.That(await added.AlterAsync(prompt: false), Is.True);

        Assert.That(added.AlterStatements(), Is.Empty, "nothing differs any more");
        added.Insert1(new AlterCodecAdded.CodecReading.Row { ReadingId = 2, Extra = new Graph(1, [2.5]), Summary = "kept in the store" });
        var rows = (await added.FetchAsync(orderBy: "reading_id")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Network, Is.EqualTo(new Graph(3, [0.5])), "the existing values read as before");
            Assert.That(rows[0].Shape, Is.EqualTo(new[] { 1.0, 2.0 }));
            Assert.That((rows[0].Extra, rows[0].Summary), Is.EqualTo(((Graph?)null, (object?)null)));
            Assert.That(rows[1].Extra, Is.EqualTo(new Graph(1, [2.5])));
            Assert.That(rows[1].Summary, Is.EqualTo("kept in the store"));
            Assert.That(Schema.GetTable("codec_reading").Heading["extra"].Type, Is.EqualTo("<graph>"));
            Assert.That(Schema.GetTable("codec_reading").Heading["summary"].Type, Is.EqualTo("<blob@cold>"));
            Assert.That(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(), Is.EqualTo(1), "<blob@cold> went to the store");
        });
    }

    [Test]
    public void ChangingACodecIsRefusedWhileRowsHoldItsValues()
    {
        DeclareVersionOne();
        var before = Schema.GetTable("codec_reading").Describe();
        var changed = Bind<AlterCodecChanged.CodecReading>();

        var ex = Assert.ThrowsAsync<DefinitionException>(() => changed.AlterAsync(prompt: false))!;
        Assert.That(ex.Message, Does.Contain("codec_reading").And.Contain("`shape` is <blob> in the table and <graph> in the class")
            .And.Contain("Add an attribute of the new type"));
        Assert.That(() => changed.AlterStatements(), Throws.InstanceOf<DefinitionException>(), "the plan refuses too");
        Assert.That(Schema.GetTable("codec_reading").Describe(), Is.EqualTo(before), "a refused alter leaves the table as it was");
        Assert.That(Bind<V1>().Fetch1().Shape, Is.EqualTo(new[] { 1.0, 2.0 }));
    }

    [Test]
    public void ACodecIsChangedOnAnEmptyTable()
    {
        DeclareVersionOne(withRows: false);
        var changed = Bind<AlterCodecChanged.CodecReading>();

        Assert.That(changed.Alter(prompt: false), Is.True);

        Assert.That(Schema.GetTable("codec_reading").Heading["shape"].Type, Is.EqualTo("<graph>"));
        changed.Insert1(new AlterCodecChanged.CodecReading.Row { ReadingId = 1, Shape = new Graph(2, [1.0]) });
        Assert.That(changed.Fetch1().Shape, Is.EqualTo(new Graph(2, [1.0])));
    }
}
