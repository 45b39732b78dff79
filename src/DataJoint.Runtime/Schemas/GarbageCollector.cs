using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataJoint;

/// <summary>
/// DataJoint's garbage collection of one store for a fixed set of schemas (<c>dj.gc.GarbageCollector</c>): finds the
/// stored objects no row refers to — in each schema's content-addressed section <c>{hash_prefix}/{schema}/</c> and
/// schema-addressed section <c>{schema_prefix}/{schema}/</c> — and, unless it is a dry run (the default), deletes them.
/// Deleting rows never deletes stored objects; this does.
/// </summary>
/// <remarks>
/// Every managed path embeds its schema, so only the given schemas' sections are listed: another schema's objects on
/// the same store, and <c>&lt;filepath@&gt;</c> files (outside both sections), are never touched. References are read
/// from the metadata in the rows (nothing is downloaded). Any failure while reading references or listing a section
/// stops the collection before anything is deleted: a partial picture would make live objects look unreferenced.
/// Run it when no insert into these schemas is in flight: an insert writes its objects before its rows.
/// </remarks>
public sealed class GarbageCollector
{
    private readonly ObjectStore store;
    private readonly string? defaultStore;

    /// <summary>A collector of <paramref name="store"/> (null: <c>stores.default</c>) for <paramref name="schemas"/>; the store is checked now, without I/O.</summary>
    /// <exception cref="ArgumentException">No schema is given.</exception>
    /// <exception cref="ConfigurationException">The store is not configured or its settings are invalid.</exception>
    public GarbageCollector(IEnumerable<Schema> schemas, string? store = null)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        Schemas = schemas.ToList();
        if (Schemas.Count == 0) throw new ArgumentException("Garbage collection needs at least one schema.", nameof(schemas));
        if (Schemas.Any(s => s is null)) throw new ArgumentException("The schemas to collect include null.", nameof(schemas));
        this.store = Schemas[0].Connection.Config.ObjectStores.Get(store);
        defaultStore = DefaultStoreName(Schemas[0].Connection.Config);
    }

    /// <summary>The schemas whose sections are collected.</summary>
    public IReadOnlyList<Schema> Schemas { get; }

    /// <summary>The store collected (its configured name).</summary>
    public string Store => store.Name;

    /// <summary>Reports the unreferenced objects and, with <paramref name="dryRun"/> false, deletes them.</summary>
    /// <exception cref="StorageException">A section could not be listed (nothing was deleted).</exception>
    /// <exception cref="DataJointException">The references could not be read, or a row holds metadata that is not DataJoint's (nothing was deleted).</exception>
    public GarbageReport Collect(bool dryRun = true) => SyncOrAsync.Wait(CollectCore(dryRun, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Collect"/>.</summary>
    public async Task<GarbageReport> CollectAsync(bool dryRun = true, CancellationToken cancellationToken = default) =>
        await CollectCore(dryRun, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<GarbageReport> CollectCore(bool dryRun, bool sync, CancellationToken cancellationToken)
    {
        var hashReferences = new HashSet<string>(StringComparer.Ordinal);
        var schemaReferences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in Schemas)
        {
            await ReadReferences(schema, hashReferences, schemaReferences, sync, cancellationToken).ConfigureAwait(false);
        }

        var hashStored = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var schemaStored = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var schema in Schemas)
        {
            foreach (var item in await List(SectionFolder(store.Spec.HashPrefix, schema.Name), sync, cancellationToken).ConfigureAwait(false))
            {
                if (ContentHash.IsValid(item.Path[(item.Path.LastIndexOf('/') + 1)..])) hashStored[item.Path] = item.Size;
            }

            foreach (var item in await List(SectionFolder(store.Spec.SchemaPrefix, schema.Name), sync, cancellationToken).ConfigureAwait(false))
            {
                // With both prefixes empty the two sections are one folder: a hash object is listed once, as a hash object.
                if (!hashStored.ContainsKey(item.Path)) schemaStored[item.Path] = item.Size;
            }
        }

        // An object either section refers to is kept, so overlapping sections can never lose a referenced object.
        bool Covered(string path) => hashReferences.Contains(path) || IsCovered(path, schemaReferences);
        var orphanedHash = hashStored.Keys.Where(p => !Covered(p)).ToList();
        var orphanedSchema = schemaStored.Keys.Where(p => !Covered(p)).ToList();

        int hashDeleted = 0, schemaDeleted = 0;
        long freed = 0;
        var failures = new List<string>();
        if (!dryRun)
        {
            foreach (var (paths, sizes, isHash) in new[] { (orphanedHash, hashStored, true), (orphanedSchema, schemaStored, false) })
            {
                foreach (var path in paths)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        var deleted = sync ? store.Delete(path) : await store.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
                        if (!deleted) continue;
                        if (isHash) hashDeleted++;
                        else schemaDeleted++;
                        freed += sizes[path];
                    }
                    catch (StorageException ex)
                    {
                        failures.Add($"{path}: {ex.Message}");
                        GarbageLog.NotDeleted(GarbageLog.For(Schemas[0].Connection.DataJointLoggers), Store, path, ex);
                    }
                }
            }
        }

        var report = new GarbageReport
        {
            Store = Store,
            Schemas = Schemas.Select(s => s.Name).ToList(),
            DryRun = dryRun,
            HashPathsReferenced = hashReferences.Count,
            HashPathsStored = hashStored.Count,
            OrphanedHashPaths = orphanedHash,
            HashPathsOrphanedBytes = orphanedHash.Sum(p => hashStored[p]),
            SchemaPathsReferenced = schemaReferences.Count,
            SchemaPathsStored = schemaStored.Count,
            OrphanedSchemaPaths = orphanedSchema,
            SchemaPathsOrphanedBytes = orphanedSchema.Sum(p => schemaStored[p]),
            HashPathsDeleted = hashDeleted,
            SchemaPathsDeleted = schemaDeleted,
            BytesFreed = freed,
            Failures = failures,
        };
        GarbageLog.Collected(GarbageLog.For(Schemas[0].Connection.DataJointLoggers), report.ToString());
        return report;
    }

    // Which section a stored codec's values live in, as DataJoint's Heading.hash_objects / schema_objects classify them.
    private enum Section { None, Hash, Schema, Unknown }

    private static Section SectionOf(HeadingAttribute attribute)
    {
        var spec = attribute.Spec;
        if (spec.Category != Definition.TypeCategory.Codec || !spec.IsInStore) return Section.None;
        return spec.CodecName switch
        {
            "hash" or "blob" or "attach" => Section.Hash,
            "object" or "npy" => Section.Schema,
            "filepath" => Section.None,
            // A codec that is not built in may store into either section through another codec: its paths count for both.
            _ => Section.Unknown,
        };
    }

    private async ValueTask ReadReferences(Schema schema, HashSet<string> hashReferences, HashSet<string> schemaReferences, bool sync,
        CancellationToken cancellationToken)
    {
        var connection = schema.Connection;
        foreach (var name in await schema.ListTablesCore(sync, cancellationToken).ConfigureAwait(false))
        {
            var table = new FreeTable(connection, connection.Adapter.QualifiedName(schema.Name, name));
            await table.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
            foreach (var attribute in table.Heading.Attributes)
            {
                var section = SectionOf(attribute);
                if (section == Section.None) continue;
                foreach (var text in await table.ReadStoredText(attribute.Name, sync, cancellationToken).ConfigureAwait(false))
                {
                    if (Reference(text, section, table, attribute) is not { } reference || !InThisStore(reference.Store)) continue;
                    if (section is Section.Hash or Section.Unknown) hashReferences.Add(reference.Path);
                    if (section is Section.Schema or Section.Unknown) schemaReferences.Add(reference.Path);
                }
            }
        }
    }

    /// <summary>The path and store a row's metadata names (DataJoint's <c>referenced_paths</c>); null for a value that is not metadata.</summary>
    private static (string Path, string? Store)? Reference(string text, Section section, FreeTable table, HeadingAttribute attribute)
    {
        JsonNode? metadata;
        try
        {
            metadata = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            metadata = null;
        }

        if (metadata is JsonObject o && o["path"] is JsonValue path && path.TryGetValue<string>(out var p))
        {
            return (p, o["store"] is JsonValue store && store.TryGetValue<string>(out var s) ? s : null);
        }

        // A built-in codec's column holds nothing but its metadata: anything else would let a live object look unreferenced.
        if (section == Section.Unknown) return null;
        throw new DataJointException($"Garbage collection stopped: a row of {table.FullTableName} holds {Shorten(text)} in `{attribute.Name}` "
            + $"({attribute.Type}), which is not DataJoint's metadata (a JSON object with a path). Correct or delete that row; nothing was deleted.");
    }

    private static string Shorten(string text) => text.Length <= 80 ? $"'{text}'" : $"'{text[..80]}…'";

    // A reference without a store is to the default store; when no default is configured it is kept, to be safe.
    private bool InThisStore(string? declared) => Stores.NormalizeName(declared) is { } name ? name == Store : defaultStore is null || defaultStore == Store;

    private static string? DefaultStoreName(Config config)
    {
        try
        {
            return StoreConfiguration.ResolveName(config, null, useFilepathDefault: false);
        }
        catch (ConfigurationException)
        {
            return null;
        }
    }

    private static string SectionFolder(string prefix, string schema) => prefix.Trim('/') is { Length: > 0 } p ? p + "/" + schema : schema;

    private async ValueTask<IReadOnlyList<StoredItem>> List(string folder, bool sync, CancellationToken cancellationToken)
    {
        try
        {
            return sync ? store.List(folder) : await store.ListAsync(folder, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex)
        {
            throw new StorageException(Store, folder, $"Garbage collection stopped: {ex.Message} Nothing was deleted.", ex);
        }
    }

    /// <summary>
    /// Whether a stored file belongs to a referenced object: it is one, lies in a referenced folder, or is the
    /// <c>.manifest.json</c> beside one (DataJoint's <c>_is_covered</c>).
    /// </summary>
    internal static bool IsCovered(string path, IReadOnlySet<string> referenced)
    {
        const string manifest = ".manifest.json";
        if (path.EndsWith(manifest, StringComparison.Ordinal)) path = path[..^manifest.Length];
        if (referenced.Contains(path)) return true;
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (referenced.Contains(path[..slash])) return true;
        }

        return false;
    }
}
