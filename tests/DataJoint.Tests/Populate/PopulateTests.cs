using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Populate;

public sealed class PopulateTests(Backend backend) : BackendTest(backend)
{
    // Console output is process-wide and the fixtures of both backends run in parallel.
    private static readonly Lock ConsoleLock = new();

    private Source LoadSources(int count)
    {
        var source = Schema.Table<Source>();
        source.Insert(Enumerable.Range(1, count).Select(i => new Source.Row { SourceId = i, Value = i * 10 }));
        return source;
    }

    [Test]
    public void PlainMakeFillsEveryMissingKeyOnce()
    {
        LoadSources(5);
        var doubled = Schema.Table<Doubled>();
        Assert.That(doubled.Progress(), Is.EqualTo((5L, 5L)));

        var result = doubled.Populate();

        Assert.That(result.SuccessCount, Is.EqualTo(5));
        Assert.That(result.Errors, Is.Empty);
        Assert.That(doubled.Fetch().OrderBy(r => r.SourceId).Select(r => r.Doubled), Is.EqualTo(new long[] { 20, 40, 60, 80, 100 }));
        Assert.That(MakeCalls.For(Schema, nameof(Doubled)).Values, Is.All.EqualTo(1));
        Assert.That(doubled.Progress(), Is.EqualTo((0L, 5L)));
        Assert.That(doubled.Populate().SuccessCount, Is.Zero, "a second populate finds nothing to do");
    }

    [Test]
    public async Task AsyncMakeWithRestrictions()
    {
        LoadSources(6);
        var table = Schema.Table<DoubledAsync>();

        var result = await table.PopulateAsync(new { source_id = 2 }, "source_id > 0");

        Assert.That(result.SuccessCount, Is.EqualTo(1));
        Assert.That(table.FetchKeys().Single().SourceId, Is.EqualTo(2));
        Assert.That((await table.PopulateAsync()).SuccessCount, Is.EqualTo(5));
        Assert.That(table.Progress(new { source_id = 3 }), Is.EqualTo((0L, 1L)));
    }

    [Test]
    public void ThreePartMakeSync()
    {
        LoadSources(4);
        var table = Schema.Table<DoubledThreePart>();

        Assert.That(table.Populate().SuccessCount, Is.EqualTo(4));

        Assert.That(table.Fetch().Sum(r => r.Doubled), Is.EqualTo(200));
        Assert.That(MakeCalls.For(Schema, nameof(DoubledThreePart)), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task ThreePartMakeAsyncPhases()
    {
        LoadSources(3);
        var table = Schema.Table<DoubledThreePartAsync>();

        var result = await table.PopulateAsync(new PopulateOptions { Parallelism = 2 });

        Assert.That(result.SuccessCount, Is.EqualTo(3));
        Assert.That(table.Fetch().OrderBy(r => r.SourceId).Select(r => r.Doubled), Is.EqualTo(new long[] { 20, 40, 60 }));
    }

    [Test]
    public void ThreePartMakeDetectsChangedUpstreamData()
    {
        LoadSources(2);
        var table = Schema.Table<Drifting>();

        var ex = Assert.Throws<DataJointException>(() => table.Populate());
        Assert.That(ex!.Message, Does.StartWith("Referential integrity failed! The `make_fetch` data has changed"));
        Assert.That(table.Count(), Is.Zero, "nothing is inserted when the fetched data changed");

        var suppressed = table.Jobs;
        var result = table.Populate(new PopulateOptions { SuppressErrors = true, ReserveJobs = true });
        Assert.That(result.SuccessCount, Is.Zero);
        Assert.That(result.Errors, Has.Count.EqualTo(2));
        Assert.That(suppressed.Errors.Count(), Is.EqualTo(2));
        Assert.That(suppressed.Errors.ToDicts().Select(d => (string)d["error_message"]!),
            Is.All.StartWith("DataJointException: Referential integrity failed!"));
    }

    [Test]
    public void ErrorsAreThrownOrSuppressedAndRecorded()
    {
        LoadSources(6);
        var table = Schema.Table<FailsOnOdd>();

        Assert.Throws<InvalidOperationException>(() => table.Populate(new PopulateOptions { ReserveJobs = true }, new { source_id = 1 }));
        Assert.That(table.Jobs.Errors.Count(), Is.EqualTo(1), "the failing key is recorded before the exception propagates");

        table.Jobs.DeleteQuick();
        var result = table.Populate(new PopulateOptions { SuppressErrors = true, ReserveJobs = true });

        Assert.That(result.SuccessCount, Is.EqualTo(3));
        Assert.That(result.Errors.Select(e => ((FailsOnOdd.Key)e.Key).SourceId).Order(), Is.EqualTo(new[] { 1, 3, 5 }));
        Assert.That(result.Errors.Select(e => e.Exception), Is.All.InstanceOf<InvalidOperationException>());
        var errors = table.Jobs.Errors.ToDicts();
        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors.Select(e => (string)e["error_message"]!), Is.All.StartWith("InvalidOperationException: odd key"));
        Assert.That(errors.Select(e => (string)e["error_stack"]!), Is.All.Contains(nameof(FailsOnOdd)), "stacks come back deserialized");
        Assert.That(table.Jobs.Progress(), Is.EqualTo(new JobProgress(0, 0, 0, 3, 0)));

        // Errored keys are not retried until their job rows are deleted.
        Assert.That(table.Populate(new PopulateOptions { SuppressErrors = true, ReserveJobs = true }).Errors, Is.Empty);
        Assert.That(table.Populate(new PopulateOptions { SuppressErrors = true }).Errors, Has.Count.EqualTo(3), "direct mode ignores the job table");
    }

    [Test]
    public void MaxCallsLimitsTheKeysMade()
    {
        LoadSources(10);
        var doubled = Schema.Table<Doubled>();

        Assert.That(doubled.Populate(new PopulateOptions { MaxCalls = 3 }).SuccessCount, Is.EqualTo(3));
        Assert.That(doubled.Count(), Is.EqualTo(3));
        Assert.That(doubled.Populate(new PopulateOptions { MaxCalls = 4, ReserveJobs = true }).SuccessCount, Is.EqualTo(4));
        Assert.That(doubled.Count(), Is.EqualTo(7));
        Assert.That(doubled.Populate(new PopulateOptions { MaxCalls = 0 }).SuccessCount, Is.Zero);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task EightParallelWorkersMakeEveryKeyExactlyOnce(bool reserveJobs)
    {
        LoadSources(120);
        var doubled = Schema.Table<Doubled>();
        var reports = new List<PopulateProgress>();
        var progress = new SynchronousProgress(p =>
        {
            lock (reports) reports.Add(p);
        });

        var result = await doubled.PopulateAsync(new PopulateOptions { Parallelism = 8, ReserveJobs = reserveJobs, Progress = progress });

        Assert.That(result.SuccessCount, Is.EqualTo(120));
        var calls = MakeCalls.For(Schema, nameof(Doubled));
        Assert.That(calls.Keys.Order(), Is.EqualTo(Enumerable.Range(1, 120)));
        Assert.That(calls.Values, Is.All.EqualTo(1));
        Assert.That(doubled.Count(), Is.EqualTo(120));
        Assert.That(reports, Has.Count.EqualTo(120));
        Assert.That(reports.Max(r => r.Done), Is.EqualTo(120));
        if (reserveJobs) Assert.That(doubled.Jobs.Progress().Total, Is.Zero, "completed jobs are deleted by default");
    }

    [Test]
    public void SyncPopulateWithParallelWorkers()
    {
        LoadSources(40);
        var doubled = Schema.Table<Doubled>();

        Assert.That(doubled.Populate(new PopulateOptions { Parallelism = 8 }).SuccessCount, Is.EqualTo(40));
        Assert.That(MakeCalls.For(Schema, nameof(Doubled)).Values, Is.All.EqualTo(1));
    }

    [Test]
    public async Task CancellationRollsBackTheKeyInProgressAndReleasesItsJob()
    {
        LoadSources(5);
        var slow = Schema.Table<Slow>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var progress = new SynchronousProgress(p =>
        {
            if (p.Succeeded == 2) cts.CancelAfter(TimeSpan.FromMilliseconds(300));
        });

        Assert.That(async () => await slow.PopulateAsync(new PopulateOptions { ReserveJobs = true, Progress = progress }, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(slow.FetchKeys().Select(k => k.SourceId).Order(), Is.EqualTo(new[] { 1, 2 }), "key 3 was inserted inside Make but rolled back");
        Assert.That(slow.Jobs.Reserved.Count(), Is.Zero, "the reservation of the cancelled key is released");
        Assert.That(slow.Jobs.Pending.Count(), Is.EqualTo(3));
        Assert.That(Schema.Connection.InTransaction, Is.False);
    }

    [Test]
    public void PopulateRefusesRestrictedTablesAndOpenTransactions()
    {
        LoadSources(2);
        var doubled = Schema.Table<Doubled>();

        var restricted = Assert.Throws<InvalidOperationException>(() => (doubled & new { source_id = 1 }).Populate());
        Assert.That(restricted!.Message, Does.StartWith("Cannot call populate on a restricted table"));

        using (Schema.Connection.Transaction())
        {
            var inTransaction = Assert.Throws<InvalidOperationException>(() => doubled.Populate());
            Assert.That(inTransaction!.Message, Does.StartWith("Populate cannot be called during a transaction"));
        }

        Assert.That(doubled.Count(), Is.Zero);
    }

    [Test]
    public void MakeThatForgetsOrInsertsAnotherKeyFails()
    {
        LoadSources(3);
        var forgetful = Schema.Table<Forgetful>();
        var forgot = Assert.Throws<DataJointException>(() => forgetful.Populate());
        Assert.That(forgot!.Message, Does.Contain("did not insert its key (source_id=1)"));

        var wrong = Schema.Table<WrongKey>();
        var result = wrong.Populate(new PopulateOptions { SuppressErrors = true, ReserveJobs = true }, new { source_id = 2 });
        Assert.That(result.Errors.Single().Exception.Message, Does.Contain("did not insert its key (source_id=2)"));
        Assert.That(wrong.Count(), Is.Zero, "the row Make inserted for another key is rolled back");
        Assert.That(wrong.Jobs.Errors.Count(), Is.EqualTo(1));
    }

    [Test]
    public void KeySourceMustUseTheTargetsAttributes()
    {
        LoadSources(1);
        var bad = Schema.Table<BadKeySource>();

        var ex = Assert.Throws<DataJointException>(() => bad.Populate());
        Assert.That(ex!.Message, Does.StartWith("The populate target lacks attribute `other_id`"));
        Assert.Throws<DataJointException>(() => bad.Progress());
    }

    [Test]
    public void KeySourceOverrideAndMultipleParents()
    {
        LoadSources(4);
        Schema.Table<Source>().Insert1(new Source.Row { SourceId = 5, Value = 5 });
        var even = Schema.Table<EvenOnly>();
        Assert.That(even.Populate().SuccessCount, Is.EqualTo(4), "value 5 is odd");

        var other = Schema.Table<Other>();
        other.Insert([new Other.Row { OtherId = 1 }, new Other.Row { OtherId = 2 }]);
        var pairing = Schema.Table<Pairing>();
        Assert.That(pairing.KeySource.Count(), Is.EqualTo(10));
        Assert.That(pairing.Populate(new { other_id = 2 }).SuccessCount, Is.EqualTo(5));
        Assert.That(pairing.Progress(), Is.EqualTo((5L, 10L)));
        Assert.That((pairing & new { source_id = 3, other_id = 2 }).Fetch1().Product, Is.EqualTo(60));
    }

    [Test]
    public void InsertOutsideMakeIsRefused()
    {
        LoadSources(1);
        var doubled = Schema.Table<Doubled>();

        var ex = Assert.Throws<InvalidOperationException>(() => doubled.Insert1(new Doubled.Row { SourceId = 1, Doubled = 2 }));
        Assert.That(ex!.Message, Does.Contain("can only be done inside its Make method"));
        doubled.Insert1(new Doubled.Row { SourceId = 1, Doubled = 2 }, allowDirectInsert: true);
        Assert.That(doubled.Populate().SuccessCount, Is.Zero);
    }

    [Test]
    public void DisplayProgressPrintsPlainLinesWhenRedirected()
    {
        LoadSources(3);
        using var captured = new StringWriter();
        lock (ConsoleLock)
        {
            var original = Console.Out;
            Console.SetOut(captured);
            try
            {
                Schema.Table<Doubled>().Populate(new PopulateOptions { DisplayProgress = true });
            }
            finally
            {
                Console.SetOut(original);
            }
        }

        Assert.That(captured.ToString(), Does.Contain("Doubled: 3/3 (100"));
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts asynchronously).</summary>
    private sealed class SynchronousProgress(Action<PopulateProgress> report) : IProgress<PopulateProgress>
    {
        public void Report(PopulateProgress value) => report(value);
    }
}
