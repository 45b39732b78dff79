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
    # a recording session of one subject
    -> Subject
    session_idx : int16
    ---
    session_date : date
    notes = "" : varchar(255)
    """)]
public partial class Session : Manual;
