using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Faults;

/// <summary>
/// A session the server ends (KILL / pg_terminate_backend) in the middle of an operation surfaces as a
/// <see cref="LostConnectionException"/> naming the server, never as the rollback's complaint about the dead connection.
/// </summary>
public sealed class KilledSessionTests(Backend backend) : BackendTest(backend)
{
    private SessionKiller Killer => new(Backend, NewInstance());

    private Item Items => Schema.Table<Item>();

    private void LockItem(Connection admin, int id) =>
        admin.Execute($"INSERT INTO {Schema.Table<Item>().FullTableName} (item_id, label) VALUES ({P(0)}, 'held')", id);

    [Test]
    public void KilledInsideAUsersTransactionThrowsLostConnectionOnTheNextStatementAndDisposeIsQuiet()
    {
        var items = Items;
        var killer = Killer;
        Exception? thrown = null;
        try
        {
            using var tx = Instance.Connection.Transaction();
            items.Insert1(new Item.Row { ItemId = 1, Label = "one" });
            killer.Kill(killer.SessionOf(Instance.Connection));
            items.Insert1(new Item.Row { ItemId = 2, Label = "two" });
            tx.Commit();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        SessionKiller.AssertLost(thrown, Server);
        Assert.That(items.Count(), Is.Zero, "the server rolled the transaction back");
        Assert.That(Instance.Connection.InTransaction, Is.False);
    }

    [Test]
    public async Task KilledInsideAUsersTransactionThenCommitAsyncThrowsLostConnectionAndDisposeAsyncIsQuiet()
    {
        var items = Items;
        var killer = Killer;
        Exception? thrown = null;
        try
        {
            await using var tx = await Instance.Connection.TransactionAsync();
            await items.Insert1Async(new Item.Row { ItemId = 1, Label = "one" });
            killer.Kill(killer.SessionOf(Instance.Connection));
            await tx.CommitAsync();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        SessionKiller.AssertLost(thrown, Server);
        Assert.That(await items.CountAsync(), Is.Zero);
    }

    [TestCase(BulkInsertMode.Never, TestName = "{m}(statements)")]
    [TestCase(BulkInsertMode.Always, TestName = "{m}(bulk)")]
    public async Task KilledDuringAMultiStatementInsertOrBulkLoadThrowsLostConnectionAndWritesNothing(BulkInsertMode mode)
    {
        var instance = NewInstance(configure: c => c.Insert.Bulk = mode);
        var items = instance.Schema(Schema.Name).Table<Item>();
        _ = Items;
        var rows = Enumerable.Range(0, 5000).Select(i => new Item.Row { ItemId = i, Label = "x" + i }).ToList();

        var thrown = await Killer.KillWhileBlocked(() => Task.Run(() => items.Insert(rows)), admin => LockItem(admin, 4000), Schema.Name);

        SessionKiller.AssertLost(thrown, Server);
        Assert.That(items.Count(), Is.Zero, "nothing of the insert is kept");
    }

    [Test]
    public async Task KilledDuringACascadeDeleteThrowsLostConnectionAndDeletesNothing()
    {
        var items = Items;
        var notes = Schema.Table<ItemNote>();
        items.Insert(Enumerable.Range(0, 10).Select(i => new Item.Row { ItemId = i, Label = "x" }));
        notes.Insert(Enumerable.Range(0, 10).Select(i => new ItemNote.Row { ItemId = i, NoteIdx = 0, Note = "n" }));

        // Without reconnect: on MySQL the first DELETE already waits (its subquery locks the parent rows), and a kill of a
        // transaction's first statement would rightly be retried on a new connection.
        var deleter = NewInstance(configure: c => c.Database.Reconnect = false).Schema(Schema.Name).Table<Item>();
        var thrown = await Killer.KillWhileBlocked(() => Task.Run(() => deleter.Delete(prompt: false)),
            // Children go first: the lock is on a parent row, so the kill lands after the notes were deleted.
            admin => admin.Execute($"UPDATE {items.FullTableName} SET label = 'held' WHERE item_id = 5"), Schema.Name);

        SessionKiller.AssertLost(thrown, Server);
        Assert.That((items.Count(), notes.Count()), Is.EqualTo((10L, 10L)));
    }

    [Test]
    public async Task KilledWhileStreamingThrowsLostConnectionMidWay()
    {
        var items = Items;
        var label = new string('s', 60);
        items.Insert(Enumerable.Range(0, 200_000).Select(i => new Item.Row { ItemId = i, Label = label }));
        var killer = Killer;
        var read = 0;
        Exception? thrown = null;
        try
        {
            await foreach (var _ in items.Stream())
            {
                if (++read == 10)
                {
                    var active = Backend == Backend.MySql
                        ? "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE INFO LIKE @p0 AND ID <> CONNECTION_ID()"
                        : "SELECT pid AS id FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()";
                    var rows = killer.SessionOfQuery(active, "%" + Schema.Name + "%");
                    killer.Kill(rows);
                }
            }
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        SessionKiller.AssertLost(thrown, Server);
        Assert.That(read, Is.LessThan(200_000));
    }

    [Test]
    public void KilledInsideMakeIsReportedPerKeyThenTheKeyIsMadeByTheNextPopulate()
    {
        var items = Items;
        items.Insert(Enumerable.Range(1, 20).Select(i => new Item.Row { ItemId = i, Label = new string('a', i) }));
        var lengths = Schema.Table<ItemLength>();
        var killer = Killer;
        var killed = 0;
        ItemLength.Hooks[Schema.Name] = (connection, id) =>
        {
            if (id == 7 && Interlocked.Exchange(ref killed, 1) == 0) killer.Kill(killer.SessionOf(connection));
        };
        try
        {
            var first = lengths.Populate(new PopulateOptions { ReserveJobs = true, SuppressErrors = true });
            Assert.That(first.SuccessCount, Is.EqualTo(19));
            Assert.That(first.Errors.Select(e => (e.Key.GetAttributeValues().Single().Value, e.Exception.GetType())),
                Is.EqualTo(new[] { ((object?)7, typeof(LostConnectionException)) }));
            SessionKiller.AssertLost(first.Errors[0].Exception, Server);
            Assert.That(lengths.Jobs.Reserved.Count(), Is.Zero, "the killed key's reservation is released");

            var second = lengths.Populate(new PopulateOptions { ReserveJobs = true });
            Assert.That(second.SuccessCount, Is.EqualTo(1));
            Assert.That(lengths.Count(), Is.EqualTo(20));
            var calls = ItemLength.CallsIn(Schema);
            Assert.That(calls.Where(c => c.Key != 7).All(c => c.Value == 1), Is.True, "every other key was made once");
            Assert.That(calls[7], Is.EqualTo(2), "the killed attempt was rolled back, the second made it");
            Assert.That(lengths.Jobs.Progress().Reserved + lengths.Jobs.Progress().Pending, Is.Zero);
        }
        finally
        {
            ItemLength.Hooks.TryRemove(Schema.Name, out _);
        }
    }

    [Test]
    public void KilledInsideMakeWithoutSuppressErrorsThrowsLostConnection()
    {
        var items = Items;
        items.Insert(Enumerable.Range(1, 3).Select(i => new Item.Row { ItemId = i, Label = "x" }));
        var lengths = Schema.Table<ItemLength>();
        var killer = Killer;
        ItemLength.Hooks[Schema.Name] = (connection, id) => { if (id == 2) killer.Kill(killer.SessionOf(connection)); };
        try
        {
            var thrown = Assert.Catch(() => lengths.Populate());
            SessionKiller.AssertLost(thrown, Server);
        }
        finally
        {
            ItemLength.Hooks.TryRemove(Schema.Name, out _);
        }
    }
}
