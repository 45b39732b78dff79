namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// Garbage collection of this schema's sections of <paramref name="store"/> (null: <c>stores.default</c>): reports
    /// the stored objects no row refers to and, with <paramref name="dryRun"/> false, deletes them. Several schemas at
    /// once: <see cref="GarbageCollector"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The store is not configured or its settings are invalid.</exception>
    /// <exception cref="StorageException">A section could not be listed (nothing was deleted).</exception>
    public GarbageReport CollectGarbage(bool dryRun = true, string? store = null) => new GarbageCollector([this], store).Collect(dryRun);

    /// <summary>Asynchronous <see cref="CollectGarbage"/>.</summary>
    public Task<GarbageReport> CollectGarbageAsync(bool dryRun = true, string? store = null, CancellationToken cancellationToken = default) =>
        new GarbageCollector([this], store).CollectAsync(dryRun, cancellationToken);
}
