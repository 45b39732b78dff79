using DataJoint.Cli.Tests.Infrastructure;

namespace DataJoint.Cli.Tests;

/// <summary>`dj jobs`, run as the built program: the job tables of a schema listed, error jobs cleared, a key ignored.</summary>
public sealed class JobsCommandTests(Backend backend) : CliTest(backend)
{
    [Test]
    public async Task ListsTheJobsIgnoresAKeyAndClearsTheErrorsOnlyWhenConfirmed()
    {
        var schema = NewLabSchema();
        schema.Table<Session>().Insert1(new Session.Row { SubjectId = 2, SessionIdx = 1, Note = "fails" });
        var none = await DjProcessAsync(["jobs", schema.Name]);
        Assert.That(none.ExitCode, Is.EqualTo(0), none.Error);
        Assert.That(none.Output, Is.Empty);
        Assert.That(none.Error, Does.Contain($"Schema `{schema.Name}` has no job tables"));
        var noQueue = await DjProcessAsync(["jobs", schema.Name, "--ignore", "NoteLength", """{"subject_id": 2, "session_idx": 3}"""]);
        Assert.That(noQueue.ExitCode, Is.EqualTo(4));
        Assert.That(noQueue.Error, Does.Contain("no table named NoteLength"), "before populate the table itself does not exist");

        var populate = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--reserve-jobs", "--suppress-errors"]);
        Assert.That(populate.Output, Is.EqualTo("NoteLength: 1 key made, 1 error.\n"), populate.Error);
        schema.Table<Session>().Insert1(new Session.Row { SubjectId = 2, SessionIdx = 3, Note = "later" });

        var ignore = await DjProcessAsync(["jobs", "--schema", schema.Name, "--ignore", "NoteLength", """{"session_idx": 3, "subject_id": 2}"""]);
        Assert.That(ignore.ExitCode, Is.EqualTo(0), ignore.Error);
        Assert.That(ignore.Output, Is.EqualTo("NoteLength subject_id=2, session_idx=3: ignored (populate skips it).\n"));
        var skipped = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--reserve-jobs"]);
        Assert.That(skipped.Output, Is.EqualTo("NoteLength: 0 keys made, 0 errors.\n"), "the error job is not retried and the ignored key is skipped");

        var list = await DjProcessAsync(["jobs", schema.Name]);
        Assert.That(list.ExitCode, Is.EqualTo(0), list.Error);
        var rows = Rows(list.Output);
        Assert.That(rows[0], Is.EqualTo(new[] { "TABLE", "STATUS", "KEY", "HOST", "TIME", "ERROR" }));
        Assert.That(rows.Skip(1).Select(r => string.Join(" ", r.Take(3))), Is.EqualTo(new[]
        {
            $"NoteLength error subject_id=2, session_idx=1",
            $"NoteLength ignore subject_id=2, session_idx=3",
        }));
        Assert.That(list.Output, Does.Contain(Environment.MachineName).And.Contain("InvalidOperationException: a note that fails"));
        var errors = await DjProcessAsync(["jobs", schema.Name, "--errors"]);
        Assert.That(Rows(errors.Output).Skip(1).Select(r => r[1]), Is.EqualTo(new[] { "error" }));

        // Safe mode asks; without a terminal to answer, nothing is deleted.
        var refused = await DjProcessAsync(["jobs", schema.Name, "--clear"]);
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Is.EqualTo($"error: Nothing deleted: Delete 1 error job (NoteLength: 1) from `{schema.Name}` was not confirmed. "
            + "Pass --yes to delete without asking.\n"));
        var cleared = await DjProcessAsync(["jobs", schema.Name, "--clear", "--yes"]);
        Assert.That(cleared.ExitCode, Is.EqualTo(0), cleared.Error);
        Assert.That(cleared.Output, Is.EqualTo($"Deleted 1 error job from `{schema.Name}`.\n"));
        var afterClear = await DjProcessAsync(["jobs", schema.Name, "--errors"]);
        Assert.That(afterClear.Output, Is.Empty);
        Assert.That(afterClear.Error, Does.Contain("No error jobs"));
        Assert.That(Rows((await DjProcessAsync(["jobs", schema.Name])).Output).Skip(1).Select(r => r[1]), Is.EqualTo(new[] { "ignore" }), "the ignored job stays");
    }

    [Test]
    public async Task IgnoringAFailedKeyReplacesItsErrorAndAMalformedIgnoreIsAUsageError()
    {
        var schema = NewLabSchema();
        schema.Table<Session>().Insert1(new Session.Row { SubjectId = 2, SessionIdx = 1, Note = "fails" });
        var populate = await DjProcessAsync(["populate", schema.Name, "NoteLength", "--assembly", PipelineAssembly.Path, "--reserve-jobs", "--suppress-errors"]);
        Assert.That(populate.ExitCode, Is.EqualTo(1), populate.Error);
        var ignore = await DjProcessAsync(["jobs", schema.Name, "--ignore", "__note_length", """{"subject_id": 2, "session_idx": 1}"""]);
        Assert.That(ignore.ExitCode, Is.EqualTo(0), ignore.Error);
        Assert.That(Rows((await DjProcessAsync(["jobs", schema.Name])).Output).Skip(1).Select(r => string.Join(" ", r.Take(3))),
            Is.EqualTo(new[] { "NoteLength ignore subject_id=2, session_idx=1" }), "the error job became the ignored one (by the table's SQL name too)");

        var wrongKey = await DjProcessAsync(["jobs", schema.Name, "--ignore", "NoteLength", """{"subject_id": 2}"""]);
        Assert.That(wrongKey.ExitCode, Is.EqualTo(2));
        Assert.That(wrongKey.Error, Does.Contain("the key of NoteLength's jobs is subject_id, session_idx").And.Contain("\"session_idx\": …"));
        var notJson = await DjProcessAsync(["jobs", schema.Name, "--ignore", "NoteLength", "subject_id=2"]);
        Assert.That(notJson.ExitCode, Is.EqualTo(2));
        Assert.That(notJson.Error, Does.Contain("not a JSON object"));
        var manual = await DjProcessAsync(["jobs", schema.Name, "--ignore", "Session", """{"subject_id": 1, "session_idx": 1}"""]);
        Assert.That(manual.ExitCode, Is.EqualTo(2));
        Assert.That(manual.Error, Does.Contain("Session is a Manual table: only Computed and Imported tables have jobs."));
        var oneValue = await DjProcessAsync(["jobs", schema.Name, "--ignore", "NoteLength"]);
        Assert.That(oneValue.ExitCode, Is.EqualTo(2));
        Assert.That(oneValue.Error, Does.Contain("dotnet dj jobs --help"));
        var noSchema = await DjProcessAsync(["jobs", "no_such_schema_here"]);
        Assert.That(noSchema.ExitCode, Is.EqualTo(4));
    }

    /// <summary>The table's rows split into cells at runs of two or more spaces.</summary>
    private static List<string[]> Rows(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => System.Text.RegularExpressions.Regex.Split(line.TrimEnd(), " {2,}")).ToList();
}
