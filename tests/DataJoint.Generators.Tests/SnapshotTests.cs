using System.Runtime.CompilerServices;

using DataJoint.Generators.Emit;

namespace DataJoint.Generators.Tests;

/// <summary>
/// Generated code compared with checked-in <c>Snapshots/*.verified.cs</c>. On a mismatch the new output is written
/// next to it as <c>*.received.cs</c>; accept it only deliberately with <c>DJ_ACCEPT_SNAPSHOTS=1</c> (never in CI).
/// </summary>
public sealed class SnapshotTests
{
    private const string Pipeline = """"
        using DataJoint;
        namespace Lab;

        [Definition("""
            # Experimental subject
            subject_id : int32            # lab-wide id
            ---
            species : varchar(32)
            sex = "U" : enum('F', 'M', 'U')
            date_of_birth = null : date
            """)]
        public partial class Subject : Manual;

        [Definition("""
            -> Subject
            session_idx : int32
            ---
            session_date : date
            """)]
        public partial class Session : Manual
        {
            [Definition("""
                -> master
                trial_idx : int32
                ---
                outcome : varchar(16)
                """)]
            public partial class Trial : Part;
        }

        [Definition("""
            -> Session
            ---
            n_trials : int32
            """)]
        public partial class SessionStats : Computed
        {
            void Make(Key key) { }
        }
        """";

    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Snapshots");

    public static IEnumerable<string> HintNames => ["Lab.Subject.g.cs", "Lab.Session.g.cs", "Lab.Session.Trial.g.cs", "Lab.SessionStats.g.cs"];

    [TestCaseSource(nameof(HintNames))]
    public void GeneratedCodeMatchesTheVerifiedSnapshot(string hintName)
    {
        var result = GeneratorHarness.Run(Pipeline);
        Assert.That(result.CompileDiagnostics, Is.Empty, string.Join("\n", result.CompileDiagnostics));
        // The version changes with every commit; the snapshot holds a placeholder (GeneratedCodeVersionTests checks the real one).
        var actual = result.Sources[hintName].ReplaceLineEndings("\n")
            .Replace(GeneratedCodeMarker.Attribute, GeneratedCodeMarker.Attribute.Replace(GeneratedCodeMarker.Version, "{version}"));
        var name = hintName[..^".g.cs".Length];
        var verified = Path.Combine(Folder(), name + ".verified.cs");
        var received = Path.Combine(Folder(), name + ".received.cs");
        if (Environment.GetEnvironmentVariable("DJ_ACCEPT_SNAPSHOTS") == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            File.WriteAllText(verified, actual);
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"{hintName} differs from {verified}; the new output is in {received}. Review it, then accept with DJ_ACCEPT_SNAPSHOTS=1.");
    }
}
