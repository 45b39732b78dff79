using DataJoint.Tests.Infrastructure;

namespace DataJoint.Cli.Tests;

/// <summary>
/// A user's built pipeline for `dj populate` and `dj jobs`: the lab's Subject and Session as <see cref="LabTables"/> declares
/// them, and a Computed NoteLength whose Make fails for the note "fails" and waits to be cancelled for the note "hangs".
/// </summary>
internal static class PipelineAssembly
{
    public const string Source = """
        namespace Pipeline;

        [global::DataJoint.Definition("# a lab animal\nsubject_id : int32\n---\nspecies = \"mouse\" : varchar(30)")]
        public partial class Subject : global::DataJoint.Manual;

        [global::DataJoint.Definition("-> Subject\nsession_idx : int16\n---\nnote = \"\" : varchar(100)  # what happened")]
        public partial class Session : global::DataJoint.Manual;

        [global::DataJoint.Definition("# the length of each session's note\n-> Session\n---\nnote_length : int32")]
        public partial class NoteLength : global::DataJoint.Computed
        {
            async global::System.Threading.Tasks.Task MakeAsync(Key key, global::System.Threading.CancellationToken ct)
            {
                var session = await (Schema.Table<Session>() & key).Fetch1Async(ct);
                if (session.Note == "fails") throw new global::System.InvalidOperationException("a note that fails");
                if (session.Note == "hangs") await global::System.Threading.Tasks.Task.Delay(global::System.Threading.Timeout.Infinite, ct);
                await Insert1Async(new Row { SubjectId = key.SubjectId, SessionIdx = key.SessionIdx, NoteLength = session.Note.Length }, cancellationToken: ct);
            }
        }
        """;

    private static readonly Lazy<string> Built = new(() =>
    {
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("dj-cli-pipeline-").FullName, "Pipeline.dll");
        GeneratorCompiler.Save(path, Source);
        return path;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of the built assembly (compiled once per test run).</summary>
    public static string Path => Built.Value;
}
