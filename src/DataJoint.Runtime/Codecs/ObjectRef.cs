using System.Globalization;
using System.Text.Json.Nodes;

namespace DataJoint;

/// <summary>
/// A lazy handle on what an <c>&lt;object@store&gt;</c> or <c>&lt;filepath@store&gt;</c> attribute refers to: a file or a
/// folder in a store. Fetching a row reads only the metadata; content is read when asked for, streamed, through the
/// stores of the connection that fetched the row.
/// </summary>
public sealed class ObjectRef
{
    private readonly Stores stores;
    private readonly bool filepath;

    internal ObjectRef(JsonObject metadata, Stores stores, bool filepath)
    {
        this.stores = stores;
        this.filepath = filepath;
        Metadata = metadata;
        Path = (string?)metadata["path"] ?? throw new DataJointException($"Object metadata {metadata.ToJsonString()} has no \"path\".");
        Store = (string?)metadata["store"];
        Size = metadata["size"] is JsonValue size && size.TryGetValue<long>(out var n) ? n : null;
        Extension = (string?)metadata["ext"];
        IsFolder = metadata["is_dir"] is JsonValue dir && dir.TryGetValue<bool>(out var d) && d;
        ItemCount = metadata["item_count"] is JsonValue count && count.TryGetValue<int>(out var c) ? c : null;
        Timestamp = (string?)metadata["timestamp"] is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    /// <summary>The path in the store (relative to its location).</summary>
    public string Path { get; }

    /// <summary>The store as declared, or null for the default store.</summary>
    public string? Store { get; }

    /// <summary>The size in bytes when stored (a folder's: all its files); null when unknown.</summary>
    public long? Size { get; }

    /// <summary>The file's extension (with the dot) for objects stored from a file; null otherwise.</summary>
    public string? Extension { get; }

    /// <summary>Whether the path is a folder of objects.</summary>
    public bool IsFolder { get; }

    /// <summary>The number of files of a folder; null for a file.</summary>
    public int? ItemCount { get; }

    /// <summary>When the object was stored (UTC).</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The metadata as the column holds it.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The store holding the object (opened on first use).</summary>
    /// <exception cref="ConfigurationException">The store is not configured.</exception>
    public ObjectStore ObjectStore => stores.Get(Store, useFilepathDefault: filepath);

    /// <summary>Whether the object is (still) in its store.</summary>
    public bool Exists() => ObjectStore.Exists(Path);

    /// <summary>Asynchronous <see cref="Exists()"/>.</summary>
    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => ObjectStore.ExistsAsync(Path, cancellationToken);

    /// <summary>Opens the file for reading, streamed from the store.</summary>
    /// <exception cref="InvalidOperationException">The object is a folder (use <see cref="List()"/> or <see cref="DownloadTo"/>).</exception>
    /// <exception cref="StoredObjectMissingException">The file is not in the store.</exception>
    public Stream OpenRead() => ObjectStore.OpenRead(FilePath());

    /// <summary>Asynchronous <see cref="OpenRead()"/>.</summary>
    public Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default) => ObjectStore.OpenReadAsync(FilePath(), cancellationToken);

    /// <summary>Reads the whole file.</summary>
    public byte[] ReadAllBytes() => ObjectStore.ReadAllBytes(FilePath());

    /// <summary>Asynchronous <see cref="ReadAllBytes()"/>.</summary>
    public Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default) => ObjectStore.ReadAllBytesAsync(FilePath(), cancellationToken);

    /// <summary>The files of a folder (a file lists itself).</summary>
    public IReadOnlyList<StoredItem> List() => IsFolder ? ObjectStore.List(Path) : [new StoredItem(Path, ObjectStore.Size(Path))];

    /// <summary>Asynchronous <see cref="List()"/>.</summary>
    public async Task<IReadOnlyList<StoredItem>> ListAsync(CancellationToken cancellationToken = default) => IsFolder
        ? await ObjectStore.ListAsync(Path, cancellationToken).ConfigureAwait(false)
        : [new StoredItem(Path, await ObjectStore.SizeAsync(Path, cancellationToken).ConfigureAwait(false))];

    /// <summary>
    /// Copies the object into <paramref name="folder"/> (created if missing), streamed: a file under its name in the store,
    /// a folder as a folder of that name holding its files.
    /// </summary>
    /// <returns>The local path of the file or folder.</returns>
    public string DownloadTo(string folder) => SyncOrAsync.Wait(Download(folder, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="DownloadTo"/>.</summary>
    public async Task<string> DownloadToAsync(string folder, CancellationToken cancellationToken = default) =>
        await Download(folder, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<string> Download(string folder, bool sync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var name = Path[(Path.LastIndexOf('/') + 1)..];
        var target = System.IO.Path.Combine(folder, name);
        var store = ObjectStore;
        var items = IsFolder
            ? sync ? store.List(Path) : await store.ListAsync(Path, cancellationToken).ConfigureAwait(false)
            : [new StoredItem(Path, 0)];
        foreach (var item in items)
        {
            var local = IsFolder ? System.IO.Path.Combine(target, item.Path[(Path.Length + 1)..].Replace('/', System.IO.Path.DirectorySeparatorChar)) : target;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(local)!);
            var source = sync ? store.OpenRead(item.Path) : await store.OpenReadAsync(item.Path, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var file = new FileStream(local, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, sync ? FileOptions.None : FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    await StreamPump.Copy(source, file, sync, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return target;
    }

    private string FilePath() => IsFolder
        ? throw new InvalidOperationException($"'{Path}' in store '{Store ?? "default"}' is a folder: list it or download it.")
        : Path;

    /// <inheritdoc />
    public override string ToString() => $"{(IsFolder ? "folder" : "file")} {Path} in store {Store ?? "(default)"}";
}
