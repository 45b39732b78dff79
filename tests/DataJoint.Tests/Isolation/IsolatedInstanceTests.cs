using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Isolation;

/// <summary>Every section of the "Use Isolated Instances" guide, on both backends.</summary>
public sealed class IsolatedInstanceTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public void AnInstanceHasItsOwnConfigAndConnection()
    {
        var a = NewInstance();
        var b = NewInstance();
        a.Config.SafeMode = true;
        b.Config.SafeMode = false;
        Assert.Multiple(() =>
        {
            Assert.That(a.Config, Is.Not.SameAs(b.Config));
            Assert.That(a.Connection, Is.Not.SameAs(b.Connection));
            Assert.That(a.Config.SafeMode, Is.True);
            Assert.That(b.Config.SafeMode, Is.False);
            Assert.That(a.Connection.Config, Is.SameAs(a.Config), "operations read the connection's own config");
            Assert.That(a.Config.Database.EffectivePort, Is.EqualTo(Server.Port));
            Assert.That(a.Connection.Backend, Is.EqualTo(Backend));
        });
    }

    [Test]
    public void OverridesUseDataJointKeysAndNestedDoubleUnderscores()
    {
        var instance = NewInstance(new Dictionary<string, object?> { ["safemode"] = false, ["database__reconnect"] = false, ["display.limit"] = 3 });
        Assert.Multiple(() =>
        {
            Assert.That(instance.Config.SafeMode, Is.False);
            Assert.That(instance.Config.Database.Reconnect, Is.False);
            Assert.That(instance.Config.Display.Limit, Is.EqualTo(3));
        });

        var typed = NewInstance(configure: c => c.Database.Reconnect = false);
        Assert.That(typed.Config.Database.Reconnect, Is.False);

        var unknown = Assert.Throws<ArgumentException>(() => Server.NewInstance(new Dictionary<string, object?> { ["database__hots"] = "x" }));
        Assert.That(unknown!.Message, Does.Contain("database__hots"));
        Assert.Throws<ArgumentException>(() => Server.NewInstance(new Dictionary<string, object?> { ["safemode"] = "off" }));
    }

    [Test]
    public void TheSameTableClassBoundToTwoInstancesGivesIndependentHandles()
    {
        var other = NewInstance();
        var first = Schema.Table<Item>();
        var second = NewSchema(other).Table<Item>();
        first.Insert1(new Item.Row { ItemId = 1, Name = "first", Owner = "a" });
        second.Insert([new Item.Row { ItemId = 1, Name = "second", Owner = "b" }, new Item.Row { ItemId = 2, Name = "more", Owner = "b" }]);
        Assert.Multiple(() =>
        {
            Assert.That(first.Schema.Name, Is.Not.EqualTo(second.Schema.Name));
            Assert.That(first.Connection, Is.Not.SameAs(second.Connection));
            Assert.That(first.Fetch1().Name, Is.EqualTo("first"));
            Assert.That(second.Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void FreeTableReadsATableThroughTheInstance()
    {
        var items = Schema.Table<Item>();
        items.Insert1(new Item.Row { ItemId = 7, Name = "seven", Owner = "x" });
        var quote = Backend == Backend.MySql ? "`" : "\"";
        var free = Instance.FreeTable($"{quote}{Schema.Name}{quote}.{quote}item{quote}");
        var rows = free.ToDicts();
        Assert.That(rows.Single()["name"], Is.EqualTo("seven"));
        Assert.That(Instance.FreeTable($"{Schema.Name}.item").Heading.PrimaryKey, Is.EqualTo(new[] { "item_id" }));
    }

    [Test]
    public async Task ManyThreadsOnTwoInstancesDoNotSeeEachOther()
    {
        var otherBackend = Backend == Backend.MySql ? Backend.PostgreSql : Backend.MySql;
        TestServer otherServer;
        try
        {
            otherServer = await TestServer.For(otherBackend);
        }
        catch (InvalidOperationException ex)
        {
            Assert.Fail(ex.Message);
            return;
        }

        using var otherInstance = otherServer.NewInstance(configure: c => c.SafeMode = false);
        var otherSchema = otherInstance.Schema($"djtest_{Guid.NewGuid():N}"[..24]);
        var sameBackendSchema = NewSchema(NewInstance());
        try
        {
            var tables = new[] { Schema.Table<Item>(), sameBackendSchema.Table<Item>(), otherSchema.Table<Item>() };
            var tasks = Enumerable.Range(0, 32).Select(worker => Task.Run(async () =>
            {
                var table = tables[worker % tables.Length];
                var owner = $"w{worker}";
                for (var i = 0; i < 10; i++)
                {
                    var id = (worker * 1000) + i;
                    await table.Insert1Async(new Item.Row { ItemId = id, Name = $"n{i}", Owner = owner });
                    var mine = (table & new { owner }).Fetch();
                    Assert.That(mine.All(r => r.Owner == owner), Is.True);
                    if (i % 3 == 0) (table & new { item_id = id }).DeleteQuick();
                }

                return (worker, remaining: (table & new { owner }).Count());
            })).ToList();

            var results = await Task.WhenAll(tasks);
            Assert.That(results.Select(r => r.remaining), Is.All.EqualTo(6));
            for (var t = 0; t < tables.Length; t++)
            {
                var expectedWorkers = Enumerable.Range(0, 32).Count(w => w % tables.Length == t);
                Assert.That(tables[t].Count(), Is.EqualTo(expectedWorkers * 6), $"table {t} holds only its own workers' rows");
            }
        }
        finally
        {
            otherSchema.Drop(prompt: false);
        }
    }

    [Test]
    public void SafeModeAsksTheInstancesOwnConfirm()
    {
        var asked = new List<string>();
        var careful = NewInstance(configure: c =>
        {
            c.SafeMode = true;
            c.Confirm = q =>
            {
                asked.Add(q);
                return false;
            };
        });
        var schema = careful.Schema($"djtest_{Guid.NewGuid():N}"[..24]);
        Assert.That(schema.Drop(), Is.False);
        Assert.That(schema.Exists, Is.True);
        Assert.That(asked, Has.Count.EqualTo(1));
        Assert.That(schema.Drop(prompt: false), Is.True);
    }
}
