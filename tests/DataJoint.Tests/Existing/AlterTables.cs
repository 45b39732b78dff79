// One table, `reading`, as successive versions of its class: each namespace holds one version.
namespace DataJoint.Tests.Existing.AlterV1
{
    [Definition("""
        # readings
        reading_id : int32
        ---
        value : float32
        label = "a" : varchar(16)   # label
        note = null : varchar(64)
        """)]
    public partial class Reading : Manual;
}

namespace DataJoint.Tests.Existing.AlterChanged
{
    // value widened, label's type, default and comment changed, gain added, the table comment changed.
    [Definition("""
        # readings, second version
        reading_id : int32
        ---
        value : float64
        label = "b" : varchar(32)   # the label
        note = null : varchar(64)
        gain = 1 : int32            # amplifier gain
        """)]
    public partial class Reading : Manual;
}

namespace DataJoint.Tests.Existing.AlterRenamed
{
    [Definition("""
        # readings
        reading_id : int32
        ---
        amount : float32
        label = "a" : varchar(16)   # label
        note = null : varchar(64)
        """)]
    public partial class Reading : Manual;
}

namespace DataJoint.Tests.Existing.AlterDropped
{
    [Definition("""
        # readings
        reading_id : int32
        ---
        value : float32
        label = "a" : varchar(16)   # label
        """)]
    public partial class Reading : Manual;
}

namespace DataJoint.Tests.Existing.AlterKey
{
    [Definition("""
        # readings
        reading_id : int32
        channel = 0 : int16
        ---
        value : float32
        label = "a" : varchar(16)   # label
        note = null : varchar(64)
        """)]
    public partial class Reading : Manual;
}

namespace DataJoint.Tests.Existing.AlterIndexed
{
    [Definition("""
        # readings
        reading_id : int32
        ---
        value : float32
        label = "a" : varchar(16)   # label
        note = null : varchar(64)
        index (label)
        """)]
    public partial class Reading : Manual;
}

namespace DataJoint.Tests.Existing.AlterReferencing
{
    [Definition("""
        site : varchar(8)
        """)]
    public partial class Site : Lookup;

    [Definition("""
        # readings
        reading_id : int32
        ---
        -> [nullable] Site
        value : float32
        label = "a" : varchar(16)   # label
        note = null : varchar(64)
        """)]
    public partial class Reading : Manual;
}

// A table whose key comes from a parent: the inherited column carries no type marker, and Alter still matches it.
namespace DataJoint.Tests.Existing.AlterChildV1
{
    [Definition("""
        device_id : int32
        """)]
    public partial class Device : Manual;

    [Definition("""
        -> Device
        cal_idx : int16
        ---
        gain : float32
        """)]
    public partial class Calibration : Manual;
}

namespace DataJoint.Tests.Existing.AlterChildV2
{
    [Definition("""
        device_id : int32
        """)]
    public partial class Device : Manual;

    [Definition("""
        -> Device
        cal_idx : int16
        ---
        gain : float32
        bias = 0 : float32
        """)]
    public partial class Calibration : Manual;
}
