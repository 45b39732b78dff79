namespace DataJoint.Tests.Bulk;

[Definition("""
    # Every core type, for bulk-load round trips
    item_id : int32
    ---
    tiny : int8
    small : int16
    big : int64
    ratio : float32
    value : float64
    amount : decimal(14,4)
    flag : bool
    code : char(4)
    label : varchar(40)
    kind : enum('alpha', 'beta', 'gamma')
    day : date
    moment : datetime(3)
    meta : json
    token : uuid
    payload : bytes
    note = null : varchar(40)
    maybe_value = null : float64
    maybe_day = null : date
    maybe_token = null : uuid
    maybe_payload = null : bytes
    maybe_meta = null : json
    stage = "beta" : enum('alpha', 'beta', 'gamma')
    tries = 7 : int32
    """)]
public partial class BulkItem : Manual;

[Definition("""
    -> BulkItem
    part_idx : int32
    ---
    weight : float64
    """)]
public partial class BulkPart : Manual;
