namespace DataJoint;

public sealed partial class Config
{
    private CodecRegistry? codecs;

    /// <summary>The custom codecs registered on the instance of this configuration; what <c>Instance.Codecs</c> returns.</summary>
    internal CodecRegistry Codecs => LazyInitializer.EnsureInitialized(ref codecs, () => new CodecRegistry());
}
