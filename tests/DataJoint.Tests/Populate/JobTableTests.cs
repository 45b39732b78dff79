using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Populate;

public sealed class JobTableTests(Backend backend) : BackendTest(backend)
{
    private Doubled Prepare(int count)
    {
        Schema.Table<Source>().Insert(Enumerable.Range(1, count).Select(i => new Source.Row { SourceId = i, Value = i }));
        return Schema.Table<Doubled>();
    }

    [Test]
    public void JobTableHasDataJointsNameAndColumns()
    {
        var jobs = Prepare(1).Jobs;

        Assert.That(jobs.SqlTableName, Is.EqualTo("~~doubled"));
        Assert.That(jobs.Heading.Names, Is.EqualTo(new[]
        {
            "source_id", "status", "priority", "created_time", "scheduled_time", "reserved_time", "completed_time", "duration",
            "error_message", "error_stack", "user", "host", "pid", "connection_id", "version",
        }));
        Assert.That(jobs.PrimaryKey, Is.EqualTo(new[] { "source_id" }));
        Assert.That(Schema.Connection.Query(TableExistsSql,
            Schema.Name, jobs.SqlTableName), Is.Empty, "getting the handle declares nothing");
        jobs.Declare();
        var free = FreeTable.Open(Schema.Connection, jobs.FullTableName);
        Assert.That(free.Heading.Names, Does.Contain("error_message"), "declared on the server");
        Assert.That(Schema.ListTables(), Does.Not.Contain("~~doubled"), "hidden from the schema's table list");
    }

    [Test]
    public void DroppingAComputedTableDropsItsJobTableAndAFreshBindingQueuesAgain()
    {
        var doubled = Prepare(2);
        Assert.That(doubled.Jobs.Refresh().Added, Is.EqualTo(2));
        var queue = doubled.Jobs.FullTableName;

        Assert.That(Schema.Table<Source>().Drop(prompt: false), Is.True, "the source and its computed child");
        Assert.That(Schema.Connection.Query(TableExistsSql, Schema.Name, "~~doubled"), Is.Empty,
            $"{queue} went with its table (DataJoint-Python leaves it behind)");

        var again = Prepare(3);
        Assert.That(again.Jobs.Refresh().Added, Is.EqualTo(3), "the queue is declared afresh, empty");
    }

    [Test]
    public void ASchemaDroppedAndCreatedAgainOnTheSameInstanceQueuesAgain()
    {
        var name = Schema.Name;
        Assert.That(Prepare(3).Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(3));
        Schema.Drop(prompt: false);

        var again = Instance.Schema(name);
        again.Table<Source>().Insert(Enumerable.Range(1, 2).Select(i => new Source.Row { SourceId = i, Value = i }));
        Assert.That(again.Table<Doubled>().Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(2),
            "the job table is declared anew, not remembered from the dropped schema");
    }

    [Test]
    public void AJobTableDroppedByAnotherProcessIsDeclaredAgain()
    {
        var doubled = Prepare(2);
        doubled.Jobs.Declare();
        using (var other = Server.NewInstance())
        {
            other.Connection.Execute($"DROP TABLE {doubled.Jobs.FullTableName}");
        }

        Assert.That(doubled.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(2));
        Assert.That(doubled.Jobs.Errors.Count(), Is.Zero);
    }

    [Test]
    public void RefreshAddsMissingKeysOnce()
    {
        var doubled = Prepare(4);
        var jobs = doubled.Jobs;

        Assert.That(jobs.Refresh(new { source_id = 1 }), Is.EqualTo(new JobRefreshResult(1, 0, 0, 0)));
        Assert.That(jobs.Refresh(), Is.EqualTo(new JobRefreshResult(3, 0, 0, 0)));
        Assert.That(jobs.Refresh().Added, Is.Zero);
        Assert.That(jobs.Progress(), Is.EqualTo(new JobProgress(4, 0, 0, 0, 0)));
        Assert.That(jobs.Pending.ToDicts().Select(d => Convert.ToInt32(d["priority"])), Is.All.EqualTo(5));

        doubled.Populate(new { source_id = 2 });
        Schema.Table<Source>().Insert1(new Source.Row { SourceId = 9, Value = 9 });
        Assert.That(jobs.Refresh(new JobRefreshOptions { Priority = 1 }).Added, Is.EqualTo(1), "only the new key; made keys are not queued");
        Assert.That((jobs & new { source_id = 9 }).ToDicts().Single()["priority"], Is.EqualTo(1).Or.EqualTo((sbyte)1).Or.EqualTo((short)1));
    }

    [Test]
    public async Task ReserveHasExactlyOneWinner()
    {
        var jobs = Prepare(1).Jobs;
        jobs.Refresh(new JobRefreshOptions { Delay = -1 });

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => jobs.ReserveAsync(new { source_id = 1 }))));

        Assert.That(attempts.Count(won => won), Is.EqualTo(1));
        var reserved = jobs.Reserved.ToDicts().Single();
        Assert.That(reserved["host"], Is.EqualTo(Environment.MachineName));
        Assert.That(Convert.ToInt32(reserved["pid"]), Is.EqualTo(Environment.ProcessId));
        Assert.That(reserved["reserved_time"], Is.Not.Null);
        Assert.That(jobs.Reserve(new { source_id = 1 }), Is.False, "a reserved job cannot be reserved again");
    }

    [Test]
    public void ReserveWaitsForTheScheduledTime()
    {
        var jobs = Prepare(1).Jobs;
        jobs.Refresh(new JobRefreshOptions { Delay = 3600 });

        Assert.That(jobs.Reserve(new Doubled.Key(1)), Is.False);
        Assert.That(Schema.Table<Doubled>().Populate(new PopulateOptions { ReserveJobs = true, Refresh = false }).SuccessCount, Is.Zero);
    }

    [Test]
    public void CompleteDeletesOrKeepsSuccessAndRefreshRePends()
    {
        var doubled = Prepare(2);
        Schema.Connection.Config.Jobs.KeepCompleted = true;
        try
        {
            Assert.That(doubled.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(2));
            var completed = doubled.Jobs.Completed.ToDicts();
            Assert.That(completed, Has.Count.EqualTo(2));
            Assert.That(completed.Select(c => c["duration"]), Is.All.Not.Null);

            (doubled & new { source_id = 1 }).DeleteQuick();
            Assert.That(doubled.Jobs.Refresh().RePended, Is.EqualTo(1), "a kept success whose result is gone is pending again");
            Assert.That(doubled.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(1));
        }
        finally
        {
            Schema.Connection.Config.Jobs.KeepCompleted = false;
        }

        doubled.Jobs.Refresh();
        doubled.Jobs.Complete(new { source_id = 1 });
        Assert.That(doubled.Jobs.Completed.Count(), Is.EqualTo(1), "without keep_completed a job row is deleted");
    }

    [Test]
    public void ErrorMessagesAreTruncatedAsDataJointDoes()
    {
        var jobs = Prepare(1).Jobs;

        jobs.Error(new { source_id = 1 }, new string('x', 5000), "stack text");

        var row = jobs.Errors.ToDicts().Single();
        var message = (string)row["error_message"]!;
        Assert.That(message, Has.Length.EqualTo(JobTable.ErrorMessageLength));
        Assert.That(message, Does.EndWith(JobTable.TruncationAppendix));
        Assert.That(row["error_stack"], Is.EqualTo("stack text"), "the <blob> column is deserialized on fetch");
    }

    [Test]
    public void IgnoredKeysAreSkipped()
    {
        var doubled = Prepare(3);
        doubled.Jobs.Ignore(new { source_id = 2 });

        Assert.That(doubled.Jobs.Ignored.Count(), Is.EqualTo(1));
        Assert.That(doubled.Populate(new PopulateOptions { ReserveJobs = true }).SuccessCount, Is.EqualTo(2));
        Assert.That(doubled.FetchKeys().Select(k => k.SourceId), Does.Not.Contain(2));
        Assert.That(doubled.Jobs.Progress(), Is.EqualTo(new JobProgress(0, 0, 0, 0, 1)));
    }

    [Test]
    public void StaleJobsWhoseKeyLeftTheKeySourceAreRemoved()
    {
        var doubled = Prepare(2);
        doubled.Jobs.Refresh();
        (Schema.Table<Source>() & new { source_id = 2 }).DeleteQuick();

        Assert.That(doubled.Jobs.Refresh().Removed, Is.Zero, "younger than the stale timeout");
        Assert.That(doubled.Jobs.Refresh(new JobRefreshOptions { StaleTimeout = -1 }).Removed, Is.EqualTo(1));
        Assert.That(doubled.Jobs.Pending.Count(), Is.EqualTo(1));
    }

    [Test]
    public void PriorityFiltersTheJobsTaken()
    {
        var doubled = Prepare(3);
        doubled.Jobs.Refresh(new JobRefreshOptions { Priority = 9, Delay = -1 }, new { source_id = 1 });
        doubled.Jobs.Refresh(new JobRefreshOptions { Priority = 2, Delay = -1 });

        var result = doubled.Populate(new PopulateOptions { ReserveJobs = true, Priority = 3, Refresh = false });

        Assert.That(result.SuccessCount, Is.EqualTo(2));
        Assert.That(doubled.Jobs.Pending.ToDicts().Single()["source_id"], Is.EqualTo(1));
    }

    [Test]
    public void PartialKeysAreRejected()
    {
        var jobs = Prepare(1).Jobs;

        var ex = Assert.Throws<DataJointException>(() => jobs.Reserve(new { value = 3 }));
        Assert.That(ex!.Message, Does.Contain("lacks `source_id`"));
    }
}
