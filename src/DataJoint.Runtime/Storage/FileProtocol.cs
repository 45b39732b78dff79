namespace DataJoint;

/// <summary>
/// The <c>file</c> protocol: a local or mounted folder (<c>location</c>). Objects are files under it; writes go to a
/// temporary file renamed into place, so a reader never sees a partial object.
/// </summary>
public sealed class FileProtocol : StorageProtocol
{
    /// <inheritdoc/>
    public override string Name => "file";

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> RequiredKeys { get; } = ["protocol", "location"];

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> AllowedKeys { get; } = [];

    /// <inheritdoc/>
    public override void Validate(StoreSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.RequireString("location");
    }

    /// <inheritdoc/>
    public override ObjectStore Open(StoreSpec spec) => new FileObjectStore(spec);
}
