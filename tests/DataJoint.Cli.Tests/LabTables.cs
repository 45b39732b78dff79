namespace DataJoint.Cli.Tests;

[Definition("""
    # a lab animal
    subject_id : int32
    ---
    species = "mouse" : varchar(30)
    """)]
public partial class Subject : Manual;

[Definition("""
    -> Subject
    session_idx : int16
    ---
    note = "" : varchar(100)     # what happened
    """)]
public partial class Session : Manual
{
    [Definition("""
        -> master
        trial_idx : int32
        ---
        outcome : varchar(8)
        """)]
    public partial class Trial : Part;
}

[Definition("""
    species : varchar(30)
    """)]
public partial class Species : Lookup;
