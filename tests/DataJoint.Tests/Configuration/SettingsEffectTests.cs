using DataJoint.Tests.Infrastructure;
using DataJoint.Tests.Limits;

namespace DataJoint.Tests.Configuration;

/// <summary>Every setting in the catalogue does something: it acts as DataJoint documents, or changing it throws.</summary>
[Category("Unit")]
public sealed class SettingValueTests
{
    [Test]
    public void LogLevelTakesDataJointsNamesOnly()
    {
        var c = new Config();
        c["loglevel"] = "warning";
        Assert.That(c.LogLevel, Is.EqualTo("WARNING"));
        Assert.Throws<ArgumentException>(() => c["loglevel"] = "chatty");
        Assert.That(c.LogLevel, Is.EqualTo("WARNING"));
    }

    [Test]
    public void BlobMaxSizeIsALongSetting()
    {
        var c = new Config();
        Assert.That(c.Blob.MaxSize, Is.EqualTo(Blob.DefaultMaxSize));
        c.SetText("blob.max_size", "5000000000", "test");
        Assert.That(c["blob.max_size"], Is.EqualTo(5_000_000_000L));
        c["blob.max_size"] = 1000;
        Assert.That(c.Blob.MaxSize, Is.EqualTo(1000));
        Assert.Throws<ArgumentException>(() => c["blob.max_size"] = 0);
    }
}

public sealed class SettingsEffectTests(Backend backend) : BackendTest(backend)
{
    [TestCase("database.host", "elsewhere")]
    [TestCase("database.port", 1)]
    [TestCase("database.user", "mallory")]
    [TestCase("database.password", "other")]
    [TestCase("database.use_tls", true)]
    [TestCase("database.connect_timeout", 99)]
    [TestCase("database.allow_local_infile", false)]
    [TestCase("database.name", "other")]
    public void ChangingWhatTheConnectionReadThrows(string key, object value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Instance.Config[key] = value);
        Assert.That(ex!.Message, Does.Contain(key).And.Contain("new Instance"));
        Assert.Throws<InvalidOperationException>(() => Instance.Config.Database.Backend =
            Backend == Backend.MySql ? Backend.PostgreSql : Backend.MySql);
    }

    [Test]
    public void SettingsReadPerOperationStillChangeAndSameValuesAreAccepted()
    {
        Instance.Config.Database.Host = Instance.Config.Database.Host;
        Instance.Config["database.port"] = Instance.Config.Database.Port;
        Instance.Config.Database.CreateTables = false;
        var ex = Assert.Catch<DataJointException>(() => NewSchema().Table<LimitRow>(), "create_tables is read by each new schema");
        TestContext.Out.WriteLine(ex!.Message);
        Instance.Config.Database.CreateTables = true;
        Assert.That(NewSchema().Table<LimitRow>().Count(), Is.Zero);
    }

    [Test]
    public void LogLevelFiltersDataJointsEvents()
    {
        var log = new LogCapture();
        Instance.Connection.LoggerFactory = log;
        var table = Schema.Table<LimitRow>();
        table.Insert(Enumerable.Range(1, 500).Select(i => new LimitRow.Row { RowId = i, Value = i, Label = "x" }));
        Assert.That(log.Messages(7101), Is.Empty, "a debug event, below the default INFO");
        Instance.Config.LogLevel = "DEBUG";
        table.Insert(Enumerable.Range(501, 500).Select(i => new LimitRow.Row { RowId = i, Value = i, Label = "x" }));
        Assert.That(log.Messages(7101), Has.Count.EqualTo(1), "logged at DEBUG");
    }

    [Test]
    public async Task PreviewFollowsTheDisplaySettings()
    {
        var table = Schema.Table<LimitRow>();
        table.Insert(Enumerable.Range(1, 20).Select(i => new LimitRow.Row { RowId = i, Value = i / 4.0, Label = "a rather long label " + i }));
        var preview = table.Preview();
        TestContext.Out.WriteLine(preview);
        var lines = preview.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("*row_id"));
            Assert.That(lines, Has.Length.EqualTo(2 + 12 + 2), "header, rule, display.limit rows, ..., total");
            Assert.That(preview, Does.Contain("   ...").And.Contain("(Total: 20)"));
            Assert.That(lines.Skip(2).Take(12).All(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 0));
            Assert.That(lines[2], Does.Contain("a rather lon").And.Not.Contain("a rather long label"), "cut at display.width");
        });

        Instance.Config.Display.Limit = 3;
        Instance.Config.Display.ShowTupleCount = false;
        Instance.Config.Display.Width = 30;
        var shorter = await (table & "row_id > 17").PreviewAsync();
        TestContext.Out.WriteLine(shorter);
        Assert.That(shorter, Does.Contain("a rather long label 18").And.Not.Contain("Total").And.Not.Contain("..."));
        Assert.That(table.Preview(limit: 1).Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4));
    }
}
