using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Faults;

/// <summary><c>database.reconnect</c>: idle pooled connections killed by the server are replaced outside transactions, never inside one.</summary>
public sealed class ReconnectTests(Backend backend) : BackendTest(backend)
{
    private const int Pooled = 8;

    private string SessionIdExpression => Backend == Backend.MySql ? "CONNECTION_ID()" : "pg_backend_pid()";

    private string Sleep => Backend == Backend.MySql ? "SLEEP(0.3)" : "pg_sleep(0.3)";

    /// <summary>Fills the pool with <see cref="Pooled"/> connections (concurrent statements), then kills them all while idle.</summary>
    private async Task KillIdlePool(Instance instance)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, Pooled).Select(async _ =>
            Convert.ToInt64((await instance.Connection.QueryAsync($"SELECT {SessionIdExpression} AS id, {Sleep} AS s"))[0]["id"])));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(Pooled));
        var killer = new SessionKiller(Backend, NewInstance());
        foreach (var id in ids) killer.Kill(id);
    }

    [Test]
    public async Task WithReconnectTheNextOperationsAfterKilledIdleConnectionsSucceed()
    {
        var instance = NewInstance(configure: c => c.Database.Reconnect = true);
        var items = instance.Schema(Schema.Name).Table<Item>();
        await KillIdlePool(instance);

        for (var i = 0; i < Pooled; i++) Assert.That(items.Count(), Is.Zero, $"operation {i + 1}");
        await KillIdlePool(instance);
        for (var i = 0; i < Pooled; i++) Assert.That(await items.CountAsync(), Is.Zero, $"async operation {i + 1}");
        await KillIdlePool(instance);
        items.Insert(Enumerable.Range(0, 3000).Select(i => new Item.Row { ItemId = i, Label = "x" }));
        Assert.That(items.Count(), Is.EqualTo(3000), "an insert that opens its own transaction begins it on a fresh connection");
    }

    [Test]
    public async Task WithoutReconnectAKilledIdleConnectionIsALostConnectionException()
    {
        var instance = NewInstance(configure: c => c.Database.Reconnect = false);
        await KillIdlePool(instance);
        var thrown = Assert.Catch(() => instance.Connection.Query("SELECT 1 AS one"));
        SessionKiller.AssertLost(thrown, Server);
    }

    [Test]
    public void InsideATransactionALostConnectionIsNeverRetried()
    {
        var instance = NewInstance(configure: c => c.Database.Reconnect = true);
        var items = instance.Schema(Schema.Name).Table<Item>();
        var killer = new SessionKiller(Backend, NewInstance());
        Exception? thrown = null;
        try
        {
            using var tx = instance.Connection.Transaction();
            items.Insert1(new Item.Row { ItemId = 1, Label = "first half" });
            killer.Kill(killer.SessionOf(instance.Connection));
            items.Insert1(new Item.Row { ItemId = 2, Label = "second half" });
            tx.Commit();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        SessionKiller.AssertLost(thrown, Server);
        Assert.That(items.Count(), Is.Zero, "neither half is kept");
    }

    [Test]
    public async Task RawQueryAndExecuteHaveAsyncTwins()
    {
        var items = Schema.Table<Item>();
        var inserted = await Instance.Connection.ExecuteAsync($"INSERT INTO {items.FullTableName} (item_id, label) VALUES ({P(0)}, {P(1)})", [5, "five"]);
        var rows = await Instance.Connection.QueryAsync($"SELECT label FROM {items.FullTableName} WHERE item_id = {P(0)}", [5]);
        Assert.That((inserted, rows.Single()["label"]), Is.EqualTo((1, (object)"five")));
        Assert.That((await Instance.Connection.QueryAsync("SELECT 1 AS one")).Single()["one"], Is.Not.Null);
    }
}
