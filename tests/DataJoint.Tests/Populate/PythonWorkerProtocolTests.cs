using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Populate;

/// <summary>
/// A DataJoint-Python worker and a .NET worker share one job table. The Python side is played by the statements
/// DataJoint-Python 2.x (<c>jobs.py</c>) sends (its client library writes the values into the text; here they are bound): queueing
/// with <c>insert1({key, status, priority})</c>, the conditional reserve UPDATE, completion by deleting the job and
/// <c>error()</c>'s <c>update1</c>. No Python runs here; the statements are what binds the two.
/// </summary>
public sealed class PythonWorkerProtocolTests(Backend backend) : BackendTest(backend)
{
    private const string PythonHost = "python-worker-7";
    private const int PythonPid = 4242;

    private Doubled Prepare(int count)
    {
        Schema.Table<Source>().Insert(Enumerable.Range(1, count).Select(i => new Source.Row { SourceId = i, Value = i }));
        return Schema.Table<Doubled>();
    }

    [Test]
    public void TheJobTableHasTheColumnsDataJointPythonDeclares()
    {
        var jobs = Prepare(1).Jobs;
        jobs.Declare();
        var columns = Schema.Connection.Query(
                "SELECT column_name AS name, data_type AS type, is_nullable AS nullable, character_maximum_length AS length, "
                + $"datetime_precision AS digits FROM information_schema.columns WHERE table_schema = {P(0)} AND table_name = {P(1)} "
                + "ORDER BY ordinal_position", Schema.Name, jobs.SqlTableName)
            .ToDictionary(c => (string)c["name"]!);

        // Python's definition: status enum, priority int8, created/scheduled datetime(3) = CURRENT_TIMESTAMP(3),
        // reserved/completed datetime(3) null, duration float64 null, error_message varchar(2047), error_stack <blob> null,
        // user/host varchar(255), pid int32, connection_id int64, version varchar(64).
        var mysql = Backend == Backend.MySql;
        var expected = new (string Name, string Type, bool Nullable, long? Length)[]
        {
            ("source_id", mysql ? "int" : "integer", false, null),
            ("status", mysql ? "enum" : "USER-DEFINED", false, null),
            ("priority", mysql ? "tinyint" : "smallint", false, null),
            ("created_time", mysql ? "datetime" : "timestamp without time zone", false, null),
            ("scheduled_time", mysql ? "datetime" : "timestamp without time zone", false, null),
            ("reserved_time", mysql ? "datetime" : "timestamp without time zone", true, null),
            ("completed_time", mysql ? "datetime" : "timestamp without time zone", true, null),
            ("duration", mysql ? "double" : "double precision", true, null),
            ("error_message", mysql ? "varchar" : "character varying", false, 2047),
            ("error_stack", mysql ? "longblob" : "bytea", true, null),
            ("user", mysql ? "varchar" : "character varying", false, 255),
            ("host", mysql ? "varchar" : "character varying", false, 255),
            ("pid", mysql ? "int" : "integer", false, null),
            ("connection_id", mysql ? "bigint" : "bigint", false, null),
            ("version", mysql ? "varchar" : "character varying", false, 64),
        };
        Assert.That(columns.Keys, Is.EqualTo(expected.Select(e => e.Name)));
        foreach (var (name, type, nullable, length) in expected)
        {
            var column = columns[name];
            Assert.That(column["type"], Is.EqualTo(type), name);
            Assert.That(column["nullable"], Is.EqualTo(nullable ? "YES" : "NO"), name);
            if (length is { } max) Assert.That(Convert.ToInt64(column["length"]), Is.EqualTo(max), name);
            if (name.EndsWith("_time", StringComparison.Ordinal)) Assert.That(Convert.ToInt32(column["digits"]), Is.EqualTo(3), name);
        }

        // Python's `INDEX (status, priority, scheduled_time)`, which its reserve loop's ordering uses.
        var indexes = mysql
            ? Schema.Connection.Query("SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) AS cols FROM information_schema.statistics "
                + $"WHERE table_schema = {P(0)} AND table_name = {P(1)} GROUP BY index_name", Schema.Name, jobs.SqlTableName)
            : Schema.Connection.Query($"SELECT indexdef AS cols FROM pg_indexes WHERE schemaname = {P(0)} AND tablename = {P(1)}",
                Schema.Name, jobs.SqlTableName);
        Assert.That(indexes.Select(i => (string)i["cols"]!), Has.Some.Contain(mysql ? "status,priority,scheduled_time" : "(status, priority, scheduled_time)"));
    }

    [Test]
    public void JobsQueuedByPythonAreReservedByDotNetAndJobsHeldByPythonAreSkipped()
    {
        var doubled = Prepare(4);
        var jobs = doubled.Jobs;
        jobs.Declare();
        for (var id = 1; id <= 4; id++) PythonQueues(jobs, id);

        Assert.That(PythonReserves(jobs, 1), Is.True, "Python's conditional UPDATE wins a pending job");
        Assert.That(jobs.Reserve(new { source_id = 1 }), Is.False, ".NET cannot take a job Python holds");

        var result = doubled.Populate(new PopulateOptions { ReserveJobs = true });

        Assert.That(result.SuccessCount, Is.EqualTo(3), "keys 2-4; key 1 is Python's");
        Assert.That(MakeCalls.For(Schema, nameof(Doubled)).Keys.Order(), Is.EqualTo(new[] { 2, 3, 4 }));
        var held = jobs.Reserved.ToDicts().Single();
        Assert.That((held["source_id"], held["host"], Convert.ToInt32(held["pid"])), Is.EqualTo(((object)1, (object)PythonHost, PythonPid)));
        Assert.That(PythonReserves(jobs, 3), Is.False, "a job .NET completed is gone from the queue for Python too");

        // Python finishes key 1: its make inserts the row, then complete() deletes the job (keep_completed off).
        Schema.Table<Doubled>().Insert1(new Doubled.Row { SourceId = 1, Doubled = 2 }, allowDirectInsert: true);
        Assert.That(Schema.Connection.Execute($"DELETE FROM {jobs.FullTableName} WHERE source_id = {P(0)}", 1), Is.EqualTo(1));

        Assert.That(jobs.Progress(), Is.EqualTo(new JobProgress(0, 0, 0, 0, 0)));
        Assert.That(doubled.Progress(), Is.EqualTo((0L, 4L)));
    }

    [Test]
    public void ErrorsRecordedByPythonAreSeenByDotNetAndIgnoredJobsAreLeftAlone()
    {
        var doubled = Prepare(3);
        var jobs = doubled.Jobs;
        jobs.Declare();
        PythonQueues(jobs, 1);
        PythonQueues(jobs, 2);
        Assert.That(PythonReserves(jobs, 1), Is.True);
        Assert.That(PythonReserves(jobs, 2), Is.True);

        // Python's error(): update1 of status, completed_time (server time), error_message and the packed traceback.
        var traceback = "Traceback (most recent call last):\n  File \"make.py\", line 3, in make\nValueError: no signal\n";
        Assert.That(Schema.Connection.Execute(
            $"UPDATE {jobs.FullTableName} SET {Q("status")} = 'error', {Q("completed_time")} = {P(0)}, {Q("error_message")} = {P(1)}, "
            + $"{Q("error_stack")} = {P(2)} WHERE source_id = {P(3)}",
            DateTime.Now, "ValueError: no signal", Blob.Pack(traceback), 1), Is.EqualTo(1));
        // Python's ignore() of a job it holds: update1 status='ignore'.
        Assert.That(Schema.Connection.Execute($"UPDATE {jobs.FullTableName} SET {Q("status")} = 'ignore' WHERE source_id = {P(0)}", 2), Is.EqualTo(1));

        var result = doubled.Populate(new PopulateOptions { ReserveJobs = true });

        Assert.That(result.SuccessCount, Is.EqualTo(1), "only key 3: errors and ignored jobs are not retried");
        Assert.That(jobs.Errors.ToDicts().Single()["error_message"], Is.EqualTo("ValueError: no signal"));
        Assert.That(jobs.ErrorStack(new { source_id = 1 }), Is.EqualTo(traceback));
        Assert.That(jobs.Ignored.ToDicts().Single()["source_id"], Is.EqualTo(2));
        Assert.That(jobs.Progress(), Is.EqualTo(new JobProgress(0, 0, 0, 1, 1)));
    }

    /// <summary>Python's refresh: <c>insert1({**key, "status": "pending", "priority": 5})</c>; every other column defaults.</summary>
    private void PythonQueues(JobTable jobs, int sourceId) =>
        Schema.Connection.Execute(
            $"INSERT INTO {jobs.FullTableName} (source_id, {Q("status")}, {Q("priority")}) VALUES ({P(0)}, 'pending', 5)", sourceId);

    /// <summary>Python's <c>Job.reserve</c>: one UPDATE guarded by status and schedule; reserved when one row changed.</summary>
    private bool PythonReserves(JobTable jobs, int sourceId) =>
        Schema.Connection.Execute(
            $"UPDATE {jobs.FullTableName} SET {Q("status")} = 'reserved', {Q("host")} = {P(0)}, {Q("pid")} = {P(1)}, "
            + $"{Q("connection_id")} = {P(2)}, {Q("user")} = {P(3)}, {Q("version")} = '', {Q("reserved_time")} = CURRENT_TIMESTAMP(3) "
            + $"WHERE source_id = {P(4)} AND {Q("status")} = 'pending' AND {Q("scheduled_time")} <= CURRENT_TIMESTAMP(3)",
            PythonHost, PythonPid, LiveSessionId(), "pyuser@localhost", sourceId) == 1;

    // A session that exists for the whole test, as a live Python worker's does (a reservation whose session is gone would
    // be reclaimed): one of another instance, so no worker of this one holds the same session.
    private long LiveSessionId() => Convert.ToInt64(NewInstance().Connection.Query(
        Backend == Backend.MySql ? "SELECT CONNECTION_ID() AS id" : "SELECT pg_backend_pid() AS id")[0]["id"]);
}
