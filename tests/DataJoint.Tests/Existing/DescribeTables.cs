namespace DataJoint.Tests.Existing;

// Tables whose definitions use every line kind Describe writes back: comments, defaults, renamed and optional foreign
// keys, a part, indexes. The texts are in DataJoint's describe() spelling so that Describe must return them unchanged.

[Definition("""
    # a rig
    rig : varchar(8)                   # rig name
    ---
    room = "B1" : varchar(16)          # where it stands
    """)]
public partial class DescRig : Lookup;

[Definition("""
    # an animal
    animal_id : int32
    ---
    species = "mouse" : varchar(32)
    weight = null : float64            # grams
    born : date
    tag : char(6)
    INDEX (born)
    UNIQUE INDEX (tag)
    """)]
public partial class DescAnimal : Manual;

[Definition("""
    # a recording
    -> DescAnimal
    rec_idx : int16
    ---
    -> [nullable, unique] DescRig
    -> [nullable] DescAnimal.proj(partner_id="animal_id")
    started = CURRENT_TIMESTAMP : datetime
    quality = 3 : int8
    data = null : <blob>
    """)]
public partial class DescRecording : Manual
{
    [Definition("""
        -> master
        channel : int16
        ---
        gain : float32
        """)]
    public partial class Channel : Part;
}
