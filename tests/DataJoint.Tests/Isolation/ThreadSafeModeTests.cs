using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Isolation;

/// <summary>
/// Thread-safe mode (docs/semantics.md#thread-safe-mode). These tests change process environment variables, so they never run
/// alongside other tests.
/// </summary>
[NonParallelizable]
public sealed class ThreadSafeModeTests(Backend backend) : BackendTest(backend)
{
    private readonly Dictionary<string, string?> _saved = [];

    private void SetEnvironment(string name, string? value)
    {
        if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        _saved.Clear();
        Dj.Reset();
    }

    [TestCase("true")]
    [TestCase("TRUE")]
    [TestCase("1")]
    [TestCase("Yes")]
    public void GlobalStateThrowsAndExplicitConnectionsWork(string value)
    {
        SetEnvironment("DJ_THREAD_SAFE", value);
        Assert.That(Dj.ThreadSafeMode, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(() => Dj.Config, Throws.TypeOf<ThreadSafetyException>().With.Message.Contains("Instance"));
            Assert.That(() => Dj.Conn(), Throws.TypeOf<ThreadSafetyException>());
            Assert.That(() => Dj.Schema("anything"), Throws.TypeOf<ThreadSafetyException>());
            Assert.That(() => Dj.FreeTable("a.b"), Throws.TypeOf<ThreadSafetyException>());
        });
        Assert.That(new ThreadSafetyException("x"), Is.InstanceOf<DataJointException>());

        var schema = Dj.Schema(Schema.Name, Instance.Connection);
        schema.Table<Item>().Insert1(new Item.Row { ItemId = 1, Name = "ok", Owner = "me" });
        Assert.That(Dj.FreeTable(Instance.Connection, $"{Schema.Name}.item").Count(), Is.EqualTo(1));
        using var fresh = Server.NewInstance();
        Assert.That(fresh.Schema(Schema.Name).Table<Item>().Count(), Is.EqualTo(1));
    }

    [TestCase(null)]
    [TestCase("false")]
    [TestCase("0")]
    [TestCase("no")]
    public void TheGlobalPatternWorksWhenThreadSafeModeIsOff(string? value)
    {
        SetEnvironment("DJ_THREAD_SAFE", value);
        SetEnvironment("DJ_HOST", Server.Host);
        SetEnvironment("DJ_PORT", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SetEnvironment("DJ_USER", Server.User);
        SetEnvironment("DJ_PASS", Server.Password);
        SetEnvironment("DJ_BACKEND", Backend == DataJoint.Backend.MySql ? "mysql" : "postgresql");
        SetEnvironment("DJ_IGNORE_CONFIG_FILE", "true");
        Dj.Reset();

        Assert.That(Dj.ThreadSafeMode, Is.False);
        Assert.That(Dj.Config.Database.Port, Is.EqualTo(Server.Port));
        var first = Dj.Conn();
        Assert.That(Dj.Conn(), Is.SameAs(first), "one lazily created global connection");
        var table = Dj.Schema(Schema.Name).Table<Item>();
        table.Insert1(new Item.Row { ItemId = 2, Name = "global", Owner = "dj" });
        Assert.That(Dj.FreeTable($"{Schema.Name}.item").Count(), Is.EqualTo(1));

        Instance.Config.SafeMode = false;
        Dj.Config.SafeMode = true;
        Assert.That(Instance.Config.SafeMode, Is.False, "the global config and instances are independent");
    }

    [Test]
    public void MissingCredentialsAreAClearError()
    {
        SetEnvironment("DJ_THREAD_SAFE", null);
        SetEnvironment("DJ_USER", null);
        SetEnvironment("DJ_PASS", null);
        SetEnvironment("DJ_IGNORE_CONFIG_FILE", "true");
        Dj.Reset();
        var ex = Assert.Throws<DataJointException>(() => Dj.Conn());
        Assert.That(ex!.Message, Does.Contain("DJ_USER").And.Contain("Instance"));
    }
}
