namespace DataJoint.Tests.Declaration;

[Definition("""
    # Measurements with every kind of constraint
    probe_id : int32
    ---
    label : varchar(8)
    gain : int8
    reading = null : float64
    taken : date
    mode = "auto" : enum('auto', 'manual')
    """)]
public partial class Probe : Manual;

[Definition("""
    -> Probe
    sample_idx : int32
    ---
    value : float64
    """)]
public partial class ProbeSample : Manual;

[Definition("""
    # files under C:\data\raw
    item_id : int32
    ---
    note = "a\b" : varchar(16)    # back\slash
    kind = "x\y" : enum('x\y', 'z')
    """)]
public partial class Backslashed : Manual;

[Definition("""
    # values checked before they are sent
    item_id : int32
    ---
    amount = null : int32
    day = null : date
    label = null : varchar(16)
    reading = null : float64
    uid = null : uuid
    """)]
public partial class Checked : Manual;
