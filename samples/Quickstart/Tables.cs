using DataJoint;

namespace Quickstart;

[Definition("""
    # Experimental subject
    subject_id : int32            # lab-wide id
    ---
    species : varchar(32)
    date_of_birth = null : date
    """)]
public partial class Subject : Manual;

[Definition("""
    # A recording session
    -> Subject
    session_idx : int32
    ---
    session_date : date
    """)]
public partial class Session : Manual;

[Definition("""
    # Trials of a session as read from its recording (simulated here: a session's trials are drawn from its key)
    -> Session
    ---
    n_trials : int32
    """)]
public partial class Recording : Imported
{
    [Definition("""
        # One trial of a recording
        -> master
        trial_idx : int32
        ---
        outcome : enum('hit', 'miss')
        reaction_ms = null : float64
        """)]
    public partial class Trial : Part;

    void Make(Key key)
    {
        var random = new Random(key.SubjectId * 100 + key.SessionIdx);
        var trials = Enumerable.Range(1, 20).Select(i => new Trial.Row
        {
            SubjectId = key.SubjectId,
            SessionIdx = key.SessionIdx,
            TrialIdx = i,
            Outcome = random.NextDouble() < 0.7 ? "hit" : "miss",
            ReactionMs = 150 + (random.NextDouble() * 200),
        }).ToList();
        Insert1(new Row { SubjectId = key.SubjectId, SessionIdx = key.SessionIdx, NTrials = trials.Count });
        // The master and its parts are written in the one transaction of this key's Make.
        Schema.Table<Trial>().Insert(trials);
    }
}

[Definition("""
    # Per-session performance, computed from the trials
    -> Recording
    ---
    hit_rate : float64
    mean_hit_reaction_ms = null : float64
    """)]
public partial class Performance : Computed
{
    void Make(Key key)
    {
        var trials = (Schema.Table<Recording.Trial>() & key).Fetch();
        var hits = trials.Where(t => t.Outcome == "hit").ToList();
        Insert1(new Row
        {
            SubjectId = key.SubjectId,
            SessionIdx = key.SessionIdx,
            HitRate = (double)hits.Count / trials.Count,
            MeanHitReactionMs = hits.Count == 0 ? null : hits.Average(t => t.ReactionMs ?? 0),
        });
    }
}
