using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Faults;

/// <summary>
/// The server of a multi-worker populate stops (gracefully, or crashes) half-way and comes back: nothing throws with
/// SuppressErrors, every lost key is reported, and populating again makes each missing key exactly once, none left
/// reserved. Runs against a server the fixture starts on its own port.
/// </summary>
[TestFixture(Backend.MySql)]
[TestFixture(Backend.PostgreSql)]
[Category("Integration")]
[Category("Restart")]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServerRestartTests(Backend backend)
{
    private const int Keys = 100;
    private ThrowAwayServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync() => _server = await ThrowAwayServer.RequireAsync(backend);

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    [TestCase(false, TestName = "{m}(graceful restart)")]
    [TestCase(true, TestName = "{m}(crash)")]
    public async Task PopulateAfterARestartMakesEveryKeyExactlyOnce(bool crash)
    {
        using var instance = _server.Server.NewInstance(configure: c => c.SafeMode = false);
        var schema = instance.Schema($"djrestart_{Guid.NewGuid():N}"[..24]);
        schema.Table<Item>().Insert(Enumerable.Range(1, Keys).Select(i => new Item.Row { ItemId = i, Label = new string('r', i % 50 + 1) }));
        var lengths = schema.Table<ItemLength>();
        var halfway = new TaskCompletionSource();
        var made = 0;
        ItemLength.Hooks[schema.Name] = (_, _) =>
        {
            if (Interlocked.Increment(ref made) == Keys / 3) halfway.TrySetResult();
            Thread.Sleep(15);
        };
        try
        {
            var options = new PopulateOptions { ReserveJobs = true, Parallelism = 4, SuppressErrors = true };
            var first = Task.Run(() => lengths.Populate(options));
            await halfway.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (crash) await _server.CrashAsync();
            else await _server.StopAsync();
            await _server.StartAsync();
            var result = await first;

            Assert.That(result.Errors.Select(e => e.Exception), Is.All.InstanceOf<LostConnectionException>(), "every failure is the lost connection");
            Assert.That(result.SuccessCount + result.Errors.Count, Is.LessThanOrEqualTo(Keys));
            var afterFirst = ItemLength.CallsIn(schema);
            var madeFirst = lengths.FetchKeys().Select(k => k.ItemId).ToHashSet();

            var second = lengths.Populate(new PopulateOptions { ReserveJobs = true, Parallelism = 4 });

            Assert.That(lengths.Count(), Is.EqualTo(Keys), () => "every key is made; jobs left: "
                + string.Join("; ", lengths.Jobs.ToDicts().Select(d => string.Join(",", d.Select(kv => kv.Key + "=" + kv.Value)))));
            Assert.That(second.SuccessCount, Is.EqualTo(Keys - madeFirst.Count), "the second populate made exactly the missing keys");
            var calls = ItemLength.CallsIn(schema);
            foreach (var id in Enumerable.Range(1, Keys))
            {
                var before = afterFirst.GetValueOrDefault(id);
                Assert.That(calls.GetValueOrDefault(id) - before, Is.EqualTo(madeFirst.Contains(id) ? 0 : 1), $"Make calls of key {id} in the second populate");
            }

            var progress = lengths.Jobs.Progress();
            Assert.That((progress.Reserved, progress.Pending, progress.Error), Is.EqualTo((0L, 0L, 0L)), "no key is left reserved, pending or failed");
        }
        finally
        {
            ItemLength.Hooks.TryRemove(schema.Name, out _);
            try
            {
                schema.Drop(prompt: false);
            }
            catch (DataJointException)
            {
            }
        }
    }
}
