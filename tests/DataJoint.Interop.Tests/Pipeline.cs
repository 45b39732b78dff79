namespace DataJoint.Interop.Tests;

// The pipeline both languages declare: the same definitions as python/interop.py, character for character where it matters.

[Definition("""
    # a lab
    lab : varchar(16)   # lab name
    ---
    institution : varchar(64)
    """)]
public partial class Lab : Lookup
{
    protected override IEnumerable<object> Contents =>
    [
        new Row { Lab = "alpha", Institution = "MIT" },
        new Row { Lab = "beta", Institution = "Caltech" },
    ];
}

[Definition("""
    # experimental subject
    subject_id : int32          # lab-wide id
    ---
    -> Lab
    species = "mouse" : varchar(32)   # species
    sex = "U" : enum('F', 'M', 'U')
    date_of_birth = null : date
    weight = null : decimal(6,2)     # grams
    active = 1 : bool
    """)]
public partial class Subject : Manual;

[Definition("""
    # every core type
    item_id : int64
    ---
    i8 : int8
    i16 : int16
    i32 : int32
    f32 : float32
    f64 : float64
    amount : decimal(10,3)
    flag : bool
    code : char(4)
    label : varchar(64)
    kind : enum('x', 'y', 'z')
    day : date
    moment : datetime(6)
    stamp = CURRENT_TIMESTAMP : datetime
    uid = null : uuid
    doc = null : json
    raw = null : bytes
    opt_i = null : int32
    opt_s = "none" : varchar(8)
    """)]
public partial class AllTypes : Manual;

[Definition("""
    # recording session
    -> Subject
    session_idx : int16
    ---
    session_date : date
    -> [nullable] Subject.proj(buddy_id='subject_id')
    """)]
public partial class Session : Manual
{
    [Definition("""
        -> master
        trial_idx : int32
        ---
        outcome : enum('hit', 'miss')
        trace = null : <blob>
        """)]
    public partial class Trial : Part;
}

[Definition("""
    # trial statistics
    -> Session
    ---
    n_trials : int32
    hits : int32
    summary = null : <blob>
    """)]
public partial class Stats : Computed
{
    void Make(Key key)
    {
        var trials = (Schema.Table<Session.Trial>() & key).Fetch().OrderBy(t => t.TrialIdx).ToList();
        Insert1(new Row
        {
            SubjectId = key.SubjectId,
            SessionIdx = key.SessionIdx,
            NTrials = trials.Count,
            Hits = trials.Count(t => t.Outcome == "hit"),
            Summary = trials.Select(t => t.TrialIdx * 0.5).ToArray(),
        });
    }
}

[Definition("""
    -> Session
    ---
    worker : varchar(16)
    """)]
public partial class Work : Computed
{
    /// <summary>How long each Make takes, so that two workers overlap.</summary>
    public static TimeSpan MakeDelay { get; set; } = TimeSpan.FromMilliseconds(40);

    void Make(Key key)
    {
        Thread.Sleep(MakeDelay);
        Insert1(new Row { SubjectId = key.SubjectId, SessionIdx = key.SessionIdx, Worker = "dotnet" });
    }
}

[Definition("""
    # blob values written by one language and read by the other
    box_id : int32
    ---
    name = "" : varchar(64)
    value = null : <blob>
    """)]
public partial class BlobBox : Manual;
