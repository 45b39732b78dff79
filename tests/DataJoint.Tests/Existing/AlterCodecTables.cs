// Versions of one table with codec attributes, for AlterCodecTests (each class is the same table, "codec_reading").
namespace DataJoint.Tests.Existing.AlterCodecV1
{
    [Definition("""
        # readings with codec values
        reading_id : int32
        ---
        shape = null : <blob>
        network = null : <graph>
        """)]
    public partial class CodecReading : Manual;
}

namespace DataJoint.Tests.Existing.AlterCodecAdded
{
    // A custom codec attribute and a stored one added; network's comment changed.
    [Definition("""
        # readings with codec values
        reading_id : int32
        ---
        shape = null : <blob>
        network = null : <graph>   # the network
        extra = null : <graph>
        summary = null : <blob@cold>
        """)]
    public partial class CodecReading : Manual;
}

namespace DataJoint.Tests.Existing.AlterCodecChanged
{
    // shape's codec changes from <blob> to <graph> (the same column type, longblob/bytea).
    [Definition("""
        # readings with codec values
        reading_id : int32
        ---
        shape = null : <graph>
        network = null : <graph>
        """)]
    public partial class CodecReading : Manual;
}
