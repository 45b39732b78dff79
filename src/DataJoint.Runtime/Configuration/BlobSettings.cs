namespace DataJoint;

/// <summary>
/// The <c>blob.*</c> settings (a port's addition; DataJoint-Python has no limit): how large a <c>&lt;blob&gt;</c> value may
/// be when it is read back.
/// </summary>
public sealed class BlobSettings
{
    private long _maxSize = DataJoint.Blob.DefaultMaxSize;

    /// <summary>
    /// <c>blob.max_size</c>: the largest blob a fetch unpacks, in bytes once inflated (default 1 GiB). A blob whose header
    /// declares more is refused with a <see cref="BlobException"/> before anything is allocated for it, so a corrupt or
    /// hostile value cannot exhaust memory.
    /// </summary>
    public long MaxSize
    {
        get => _maxSize;
        set => _maxSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "blob.max_size must be at least 1 byte.");
    }
}
