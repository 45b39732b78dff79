namespace DataJoint;

public sealed partial class Config
{
    private Stores? objectStores;

    /// <summary>The stores <see cref="Stores"/> describes, opened on demand; what <c>Instance.Stores</c> returns.</summary>
    internal Stores ObjectStores => LazyInitializer.EnsureInitialized(ref objectStores, () => new Stores(this));

    /// <summary>Releases the opened stores' clients (they reopen when asked for again).</summary>
    internal void ReleaseObjectStores() => objectStores?.Dispose();
}
