using DataJoint;

namespace DataJointApp;

// Each [Definition] class is one table. The source generator writes its Row and Key records, typed Fetch/Insert
// methods and the table model; a mistake in the definition is a compile error (DJxxxx) at the offending token.

[Definition("""
    # an experimental subject
    subject_id : int32             # unique within the lab
    ---
    species : varchar(32)
    date_of_birth = null : date    # '= null' makes it optional
    """)]
public partial class Subject : Manual;

[Definition("""
    # a behavioural session of one subject, entered by hand
    -> Subject
    session_idx : int16
    ---
    session_date : date
    n_trials : int32
    n_correct : int32
    """)]
public partial class Session : Manual;

[Definition("""
    # the score of a session, computed from it by populate
    -> Session
    ---
    accuracy = null : float64      # n_correct / n_trials; null for a session without trials
    """)]
public partial class SessionScore : Computed
{
    // Populate calls this once per Session key that has no score yet, inside a transaction: what it inserts is
    // committed together, or not at all when it throws.
    async Task MakeAsync(Key key, CancellationToken ct)
    {
        var sessions = await Schema.TableAsync<Session>(ct);
        var session = await (sessions & key).Fetch1Async(ct);
        await Insert1Async(new Row
        {
            SubjectId = key.SubjectId,
            SessionIdx = key.SessionIdx,
            Accuracy = session.NTrials > 0 ? (double)session.NCorrect / session.NTrials : null,
        }, cancellationToken: ct);
    }
}
