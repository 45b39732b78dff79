namespace DataJoint.Tests.Limits;

[Definition("""
    blob_id : int32
    ---
    data : <blob>
    """)]
public partial class LimitBlob : Manual;

[Definition("""
    row_id : int64
    ---
    value : float64
    label : varchar(32)
    """)]
public partial class LimitRow : Manual;

[Definition("""
    text_id : int32
    ---
    text : varchar(4000)
    doc : json
    """)]
public partial class FuzzText : Manual;
