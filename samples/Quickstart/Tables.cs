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
public partial class Session : Manual
{
    [Definition("""
        # One trial of a session
        -> master
        trial_idx : int32
        ---
        outcome : enum('hit', 'miss')
        reaction_ms = null : float64
        """)]
    public partial class Trial : Part;
}
