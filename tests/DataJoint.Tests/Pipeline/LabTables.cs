namespace DataJoint.Tests.Pipeline;

[Definition("""
    # Experimental subject
    subject_id : int32            # lab-wide id
    ---
    species : varchar(32)
    date_of_birth = null : date
    sex = "U" : enum('F', 'M', 'U')
    weight = null : float64       # grams
    """)]
public partial class Subject : Manual;

[Definition("""
    -> Subject
    session_idx : int32
    ---
    session_date : date
    notes = "" : varchar(255)
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
    # Kinds of stimulus
    stimulus : varchar(16)
    ---
    description : varchar(64)
    """)]
public partial class Stimulus : Lookup
{
    protected override IEnumerable<object> Contents =>
    [
        new Row { Stimulus = "grating", Description = "drifting grating" },
        new { stimulus = "noise", description = "white noise" },
    ];
}

[Definition("""
    -> Session
    ---
    n_trials : int32
    """)]
public partial class SessionStats : Computed
{
    void Make(Key key)
    {
        var n = (Schema.Table<Session.Trial>() & key).Count();
        Insert1(new Row { SubjectId = key.SubjectId, SessionIdx = key.SessionIdx, NTrials = (int)n });
    }
}
