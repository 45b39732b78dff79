using System.Diagnostics;
using DataJoint.Cli.Tests.Infrastructure;

namespace DataJoint.Cli.Tests;

/// <summary>`dj populate`, run as the built program: a built assembly's Computed class populated, progress, errors, Ctrl+C.</summary>
public sealed class PopulateCommandTests(Backend backend) : CliTest(backend)
{
    [Test]
    public async Task PopulatesEveryMissingKeyShowingProgressAndASummary()
    {
        var schema = NewLabSchema();
        schema.Table<Session>().Insert([new Session.Row { SubjectId = 1, SessionIdx = 2, Note = "second" }, new Session.Row { SubjectId = 2, SessionIdx = 1, Note = "" }]);

        var run = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--display-progress"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("NoteLength: 3 keys made, 0 errors.\n"));
        Assert.That(run.Error, Does.Contain("NoteLength: 3/3 (100%), 3 made, 0 failed"));
        var rows = schema.GetTable("NoteLength").ToDicts(orderBy: "subject_id, session_idx");
        Assert.That(rows.Select(r => Convert.ToInt32(r["note_length"], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { 5, 6, 0 }));

        // Nothing left to do; no progress without a terminal or --display-progress.
        var again = await DjProcessAsync(["populate", schema.Name, "Pipeline.NoteLength", "-a", PipelineAssembly.Path, "--max-calls", "5"]);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Is.EqualTo("NoteLength: 0 keys made, 0 errors.\n"));
        Assert.That(again.Error, Is.Empty);
    }

    [Test]
    public async Task WorkersReserveJobsAndASuppressedFailureIsRecordedWithExitCodeOne()
    {
        var schema = NewLabSchema();
        schema.Table<Session>().Insert(Enumerable.Range(2, 6).Select(i => new Session.Row { SubjectId = 2, SessionIdx = (short)i, Note = i == 4 ? "fails" : "ok" }));

        var run = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--workers", "2", "--suppress-errors"]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Output, Is.EqualTo("NoteLength: 6 keys made, 1 error.\n"));
        Assert.That(run.Error.Trim(), Is.EqualTo("failed: NoteLength subject_id=2, session_idx=4: InvalidOperationException: a note that fails"));
        Assert.That(schema.GetTable("NoteLength").Count(), Is.EqualTo(6));
        var errors = JobTable(schema) & new Dictionary<string, object?> { ["status"] = "error" };
        Assert.That(errors.ToDicts().Select(r => (Convert.ToString(r["session_idx"], System.Globalization.CultureInfo.InvariantCulture), r["error_message"])),
            Is.EqualTo(new[] { ("4", (object?)"InvalidOperationException: a note that fails") }), "--workers 2 implies --reserve-jobs: the failure is in the job table");

        // Without --suppress-errors the first failure stops populate: one line naming the class and the exception.
        (JobTable(schema) & new Dictionary<string, object?> { ["status"] = "error" }).Delete(prompt: false);
        var stopped = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path]);
        Assert.That(stopped.ExitCode, Is.EqualTo(1));
        Assert.That(stopped.Output, Is.Empty);
        Assert.That(stopped.Error, Is.EqualTo("error: NoteLength.Make failed: InvalidOperationException: a note that fails "
            + "(--suppress-errors records failing keys in the job table and goes on).\n"));
    }

    [Test]
    public async Task CtrlCReleasesTheReservationAndExitsWith130()
    {
        var schema = NewLabSchema();
        schema.Table<Session>().Insert1(new Session.Row { SubjectId = 2, SessionIdx = 2, Note = "hangs" });

        var run = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--reserve-jobs"], async process =>
        {
            await WaitForAsync(() => Jobs(schema, "reserved") == 1, process);
            using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
        });
        Assert.That(run.ExitCode, Is.EqualTo(130), run.Error);
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.StartWith("error: Cancelled: the keys of NoteLength made so far stay").And.Contain("reservation released"));
        Assert.That(Jobs(schema, "reserved"), Is.Zero, "the reservation of the key in progress is released");
        var hanging = new Dictionary<string, object?> { ["subject_id"] = 2, ["session_idx"] = 2 };
        Assert.That(Jobs(schema, "pending", hanging), Is.EqualTo(1), "the key in progress is pending again, for the next populate");
        Assert.That((schema.GetTable("NoteLength") & hanging).Count(), Is.Zero, "the key in progress was rolled back");
    }

    [Test]
    public async Task AClassThatIsNotAutoPopulatedMissingOrAWrongOptionIsOneLineWithItsExitCode()
    {
        var schema = NewLabSchema();
        var manual = await DjProcessAsync(["populate", schema.Name, "Session", "--assembly", PipelineAssembly.Path]);
        Assert.That(manual.ExitCode, Is.EqualTo(2));
        Assert.That(manual.Error, Is.EqualTo("error: Pipeline.Session is a Manual table: only Computed and Imported tables are populated.\n"));

        var missing = await DjProcessAsync(["populate", schema.Name, "NoteLenght", "--assembly", PipelineAssembly.Path]);
        Assert.That(missing.ExitCode, Is.EqualTo(4));
        Assert.That(missing.Error, Does.Contain("no table class named NoteLenght").And.Contain("Pipeline.NoteLength"));

        var noSchema = await DjProcessAsync(["populate", "no_such_schema_here", "NoteLength", "--assembly", PipelineAssembly.Path]);
        Assert.That(noSchema.ExitCode, Is.EqualTo(4));
        Assert.That(noSchema.Error, Does.Contain("Schema `no_such_schema_here` does not exist"));

        var workers = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--workers", "0"]);
        Assert.That(workers.ExitCode, Is.EqualTo(2));
        Assert.That(workers.Error, Does.StartWith("error: --workers must be at least 1.\n").And.Contain("dotnet dj populate --help"));
    }

    private static FreeTable JobTable(Schema schema) => FreeTable.Open(schema.Connection, $"`{schema.Name}`.`~~note_length`");

    private static long Jobs(Schema schema, string status, Dictionary<string, object?>? key = null)
    {
        try
        {
            return (JobTable(schema) & new Dictionary<string, object?>(key ?? []) { ["status"] = status }).Count();
        }
        catch (MissingTableException)
        {
            return 0;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited) Assert.Fail($"dotnet-dj exited ({process.ExitCode}) before the condition held.");
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail("The condition did not hold within 60 s.");
            await Task.Delay(100);
        }
    }
}
