namespace DataJoint.Interop.Tests;

/// <summary>The .NET twins of the values in python/interop.py (ALL_TYPES_ROWS, trials_of, signal_of, insert_subject).</summary>
internal static class ExpectedValues
{
    public static readonly Guid Uid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>AllTypes rows 1–2 (inserted by Python) and 3–4 (inserted by .NET). Row 1's uid is null on PostgreSQL, where Python cannot insert it.</summary>
    public static AllTypes.Row AllTypesRow(int itemId, Backend backend) => itemId switch
    {
        1 => new AllTypes.Row
        {
            ItemId = 1, I8 = -128, I16 = -32768, I32 = int.MinValue, F32 = 1.5f, F64 = -2.25e300, Amount = -1234567.891m, Flag = true,
            Code = "abcd", Label = "quote ' and \\ backslash \" dq", Kind = "x", Day = new DateOnly(2024, 2, 29),
            Moment = new DateTime(2024, 2, 29, 23, 59, 58).AddTicks(1_234_560), Uid = backend == Backend.PostgreSql ? null : Uid,
            Doc = System.Text.Json.Nodes.JsonNode.Parse("""{"a": [1, 2, {"b": null}], "s": "ü"}"""), Raw = [0x00, 0x01, 0xff],
            OptI = null, OptS = "none",
        },
        2 => new AllTypes.Row
        {
            ItemId = 2, I8 = 127, I16 = 32767, I32 = int.MaxValue, F32 = -0.25f, F64 = 1.0 / 3.0, Amount = 0.001m, Flag = false,
            Code = "wxyz", Label = "emoji 😀 and ünïcode", Kind = "z", Day = new DateOnly(1970, 1, 1),
            Moment = new DateTime(2000, 1, 1, 0, 0, 0).AddTicks(10), Uid = null, Doc = System.Text.Json.Nodes.JsonNode.Parse("""[1, "two", 3.5]"""),
            Raw = [], OptI = 42, OptS = "set",
        },
        3 => new AllTypes.Row
        {
            ItemId = 3, I8 = 0, I16 = -1, I32 = 123456, F32 = 3.0f, F64 = -0.0, Amount = 9999999.999m, Flag = true,
            Code = "q", Label = "", Kind = "y", Day = new DateOnly(2099, 12, 31),
            Moment = new DateTime(1999, 12, 31, 23, 59, 59).AddTicks(9_999_990), Uid = Guid.Parse("a3bb189e-8bf9-3888-9912-ace4e6543002"),
            Doc = System.Text.Json.Nodes.JsonNode.Parse("""{"nested": {"list": [true, false, null]}, "n": -7}"""),
            Raw = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), OptI = -5, OptS = "dotnet",
        },
        4 => new AllTypes.Row
        {
            ItemId = 4, I8 = -1, I16 = 1, I32 = -1, F32 = 0.125f, F64 = 6.02214076e23, Amount = -0.500m, Flag = false,
            Code = "tab\t", Label = "new\nline", Kind = "x", Day = new DateOnly(2000, 2, 29),
            Moment = new DateTime(2024, 1, 1, 12, 0, 0), Uid = null, Doc = null, Raw = null, OptI = null, OptS = "none",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(itemId)),
    };

    public static Subject.Row SubjectRow(int subjectId, string lab) => new()
    {
        SubjectId = subjectId, Lab = lab, Sex = subjectId % 2 == 1 ? "F" : "M", DateOfBirth = new DateOnly(2020, 1, subjectId),
        Weight = subjectId + 0.25m,
    };

    public static IEnumerable<Session.Trial.Row> TrialsOf(int subjectId, short sessionIdx) =>
        Enumerable.Range(1, subjectId + sessionIdx).Select(t => new Session.Trial.Row
        {
            SubjectId = subjectId, SessionIdx = sessionIdx, TrialIdx = t, Outcome = t % 2 == 1 ? "hit" : "miss", Trace = SignalOf(subjectId, t),
        });

    /// <summary>A trial's blob: null, a float64 vector or an int32 matrix.</summary>
    public static object? SignalOf(int subjectId, int trialIdx) => (trialIdx % 3) switch
    {
        0 => null,
        1 => Enumerable.Range(0, trialIdx).Select(i => i * 1.5).ToArray(),
        _ => new[,] { { trialIdx, 2 }, { 3, subjectId } },
    };

    /// <summary>A subject with its sessions and trials, as python/interop.py's insert_subject inserts them.</summary>
    public static void InsertSubject(Schema main, int subjectId, string lab, IEnumerable<short> sessions, int? buddy = null)
    {
        main.Table<Subject>().Insert1(SubjectRow(subjectId, lab));
        foreach (var k in sessions)
        {
            main.Table<Session>().Insert1(new Session.Row
            {
                SubjectId = subjectId, SessionIdx = k, SessionDate = new DateOnly(2024, 5, k), BuddyId = k == 1 ? buddy : null,
            });
            main.Table<Session.Trial>().Insert(TrialsOf(subjectId, k));
        }
    }
}
