namespace DataJoint.Tests.Isolation;

[Definition("""
    item_id : int32
    ---
    name : varchar(100)
    owner : varchar(32)
    """)]
public partial class Item : Manual;
