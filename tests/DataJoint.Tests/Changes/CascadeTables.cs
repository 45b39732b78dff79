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
