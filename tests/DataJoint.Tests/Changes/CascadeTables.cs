namespace DataJoint.Tests.Changes;

[Definition("""
    lab : varchar(16)
    """)]
public partial class Lab : Manual;

[Definition("""
    -> Lab
    animal : int32
    """)]
public partial class Animal : Manual;

[Definition("""
    -> Animal
    recording : int32
    """)]
public partial class Recording : Manual
{
    [Definition("""
        -> master
        channel : int32
        """)]
    public partial class Channel : Part;
}

[Definition("""
    -> Recording.Channel
    spike : int32
    """)]
public partial class Spike : Manual;

[Definition("""
    # a renamed reference: the buddy of an animal
    -> Animal
    ---
    -> Animal.proj(buddy_lab='lab', buddy='animal')
    """)]
public partial class Pairing : Manual;

[Definition("""
    rig : int32
    """)]
public partial class Rig : Manual;

[Definition("""
    -> Lab
    sitting : int32
    """)]
public partial class Sitting : Manual
{
    /// <summary>A part that also refers to a table outside its master: deleting a rig reaches it without the master.</summary>
    [Definition("""
        -> master
        -> Rig
        """)]
    public partial class RigUse : Part;
}

[Definition("""
    # two tables with the same enum value set share one PostgreSQL enum type
    mood_id : int32
    ---
    mood : enum('calm', 'busy')
    """)]
public partial class Mood : Manual;

[Definition("""
    other_mood_id : int32
    ---
    mood : enum('calm', 'busy')
    """)]
public partial class OtherMood : Manual;
