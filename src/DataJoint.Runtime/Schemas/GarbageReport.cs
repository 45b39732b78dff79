namespace DataJoint;

/// <summary>
/// What one garbage collection found in a store and, unless it was a dry run, removed: the figures DataJoint's
/// <c>GarbageCollector.collect</c> returns, for the content-addressed section (<c>&lt;hash@&gt;</c>, <c>&lt;blob@&gt;</c>,
/// <c>&lt;attach@&gt;</c>) and the schema-addressed section (<c>&lt;object@&gt;</c>, <c>&lt;npy@&gt;</c>). Paths are
/// relative to the store's location.
/// </summary>
public sealed class GarbageReport
{
    /// <summary>The store collected (its configured name).</summary>
    public required string Store { get; init; }

    /// <summary>The schemas whose sections were scanned.</summary>
    public required IReadOnlyList<string> Schemas { get; init; }

    /// <summary>True when nothing was deleted: the report says what would be.</summary>
    public required bool DryRun { get; init; }

    /// <summary>Distinct content-addressed paths that rows of the schemas refer to in this store.</summary>
    public required int HashPathsReferenced { get; init; }

    /// <summary>Content-addressed objects found in the schemas' sections.</summary>
    public required int HashPathsStored { get; init; }

    /// <summary>Content-addressed objects no row refers to, ordered by path.</summary>
    public required IReadOnlyList<string> OrphanedHashPaths { get; init; }

    /// <summary>Number of <see cref="OrphanedHashPaths"/>.</summary>
    public int HashPathsOrphaned => OrphanedHashPaths.Count;

    /// <summary>Total size of <see cref="OrphanedHashPaths"/>.</summary>
    public required long HashPathsOrphanedBytes { get; init; }

    /// <summary>Distinct schema-addressed paths (files or folders) that rows of the schemas refer to in this store.</summary>
    public required int SchemaPathsReferenced { get; init; }

    /// <summary>Files found in the schemas' schema-addressed sections.</summary>
    public required int SchemaPathsStored { get; init; }

    /// <summary>Schema-addressed files no row refers to (not the file itself, a folder holding it, nor its manifest), ordered by path.</summary>
    public required IReadOnlyList<string> OrphanedSchemaPaths { get; init; }

    /// <summary>Number of <see cref="OrphanedSchemaPaths"/>.</summary>
    public int SchemaPathsOrphaned => OrphanedSchemaPaths.Count;

    /// <summary>Total size of <see cref="OrphanedSchemaPaths"/>.</summary>
    public required long SchemaPathsOrphanedBytes { get; init; }

    /// <summary>Content-addressed objects deleted (0 in a dry run).</summary>
    public required int HashPathsDeleted { get; init; }

    /// <summary>Schema-addressed files deleted (0 in a dry run).</summary>
    public required int SchemaPathsDeleted { get; init; }

    /// <summary>All objects deleted.</summary>
    public int Deleted => HashPathsDeleted + SchemaPathsDeleted;

    /// <summary>Bytes the deleted objects held.</summary>
    public required long BytesFreed { get; init; }

    /// <summary>Orphans that could not be deleted, each as <c>path: reason</c>; the others were deleted regardless.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Number of <see cref="Failures"/>.</summary>
    public int Errors => Failures.Count;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(DryRun ? "Dry run of garbage collection" : "Garbage collection")} of store '{Store}' ({string.Join(", ", Schemas)}): "
        + $"{HashPathsOrphaned} of {HashPathsStored} content-addressed objects unreferenced ({HashPathsOrphanedBytes} bytes), "
        + $"{SchemaPathsOrphaned} of {SchemaPathsStored} schema-addressed files unreferenced ({SchemaPathsOrphanedBytes} bytes)"
        + (DryRun ? "; nothing deleted." : $"; deleted {Deleted} ({BytesFreed} bytes), {Errors} failed.");
}
