namespace DataJoint;

/// <summary>
/// One configured store, opened on its protocol. Paths are relative to the store's <c>location</c> and
/// <c>/</c>-separated (see <see cref="FullPath"/> for what the protocol addresses). Content is streamed both ways,
/// never held whole in memory. Creating a store does no I/O; every operation has a synchronous and an asynchronous
/// form. A protocol implements the protected <c>…Core</c> members, each given <c>sync</c> to say which form runs.
/// </summary>
public abstract class ObjectStore : IDisposable
{
    /// <summary>Creates the store for its validated settings.</summary>
    protected ObjectStore(StoreSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
    }

    /// <summary>The store's validated settings.</summary>
    public StoreSpec Spec { get; }

    /// <summary>The store's name.</summary>
    public string Name => Spec.Name;

    /// <summary>Opens an object for reading; the caller disposes the stream.</summary>
    /// <exception cref="StoredObjectMissingException">There is no object at <paramref name="path"/>.</exception>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public Stream OpenRead(string path) => SyncOrAsync.Wait(OpenReadCore(StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="OpenRead"/>.</summary>
    public async Task<Stream> OpenReadAsync(string path, CancellationToken ct = default) =>
        await OpenReadCore(StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>Reads a whole object into memory (for small objects; use <see cref="OpenRead"/> to stream).</summary>
    public byte[] ReadAllBytes(string path) => SyncOrAsync.Wait(ReadAllCore(StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ReadAllBytes"/>.</summary>
    public async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken ct = default) =>
        await ReadAllCore(StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>Writes <paramref name="content"/> (read to its end) to <paramref name="path"/>, replacing any object there.</summary>
    /// <returns>The number of bytes written.</returns>
    public long Write(string path, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SyncOrAsync.Wait(WriteCore(StorePath.Check(Name, path), content, sync: true, CancellationToken.None));
    }

    /// <summary>Asynchronous <see cref="Write(string, Stream)"/>.</summary>
    public async Task<long> WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return await WriteCore(StorePath.Check(Name, path), content, sync: false, ct).ConfigureAwait(false);
    }

    /// <summary>Writes bytes to <paramref name="path"/>, replacing any object there.</summary>
    public long Write(string path, ReadOnlyMemory<byte> content)
    {
        using var stream = AsStream(content);
        return Write(path, stream);
    }

    /// <summary>Asynchronous <see cref="Write(string, ReadOnlyMemory{byte})"/>.</summary>
    public async Task<long> WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        using var stream = AsStream(content);
        return await WriteAsync(path, stream, ct).ConfigureAwait(false);
    }

    /// <summary>Whether an object (or a folder of objects) exists at <paramref name="path"/>.</summary>
    public bool Exists(string path) => SyncOrAsync.Wait(ExistsCore(StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Exists"/>.</summary>
    public async Task<bool> ExistsAsync(string path, CancellationToken ct = default) =>
        await ExistsCore(StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>
    /// Whether an object (not a folder) is at <paramref name="path"/>: the hash section's check before it writes content.
    /// Cheaper than <see cref="Exists"/> where a folder check costs more than an object's (s3: a listing after the HEAD).
    /// </summary>
    internal ValueTask<bool> ObjectExists(string path, bool sync, CancellationToken ct) => ObjectExistsCore(StorePath.Check(Name, path), sync, ct);

    /// <summary>See <see cref="ObjectExists"/>; by default <see cref="ExistsCore"/>.</summary>
    private protected virtual ValueTask<bool> ObjectExistsCore(string path, bool sync, CancellationToken ct) => ExistsCore(path, sync, ct);

    /// <summary>The size of an object in bytes.</summary>
    /// <exception cref="StoredObjectMissingException">There is no object at <paramref name="path"/>.</exception>
    public long Size(string path) => SyncOrAsync.Wait(SizeCore(StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Size"/>.</summary>
    public async Task<long> SizeAsync(string path, CancellationToken ct = default) =>
        await SizeCore(StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>Every object under <paramref name="folder"/> (all levels; empty for the whole store), ordered by path.</summary>
    public IReadOnlyList<StoredItem> List(string folder = "") =>
        SyncOrAsync.Wait(ListCore(StorePath.CheckFolder(Name, folder), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="List"/>.</summary>
    public async Task<IReadOnlyList<StoredItem>> ListAsync(string folder = "", CancellationToken ct = default) =>
        await ListCore(StorePath.CheckFolder(Name, folder), sync: false, ct).ConfigureAwait(false);

    /// <summary>Deletes the object at <paramref name="path"/>; returns false when there was none.</summary>
    public bool Delete(string path) => SyncOrAsync.Wait(DeleteCore(StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Delete"/>.</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken ct = default) =>
        await DeleteCore(StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>Copies a local file to <paramref name="path"/> (streamed); returns its size.</summary>
    /// <exception cref="FileNotFoundException">The local file does not exist.</exception>
    public long CopyFile(string localFile, string path) =>
        SyncOrAsync.Wait(CopyFileCore(CheckLocalFile(localFile), StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="CopyFile"/>.</summary>
    public async Task<long> CopyFileAsync(string localFile, string path, CancellationToken ct = default) =>
        await CopyFileCore(CheckLocalFile(localFile), StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>Copies every file of a local folder (all levels) under <paramref name="path"/>; returns what was written.</summary>
    /// <exception cref="DirectoryNotFoundException">The local folder does not exist.</exception>
    public IReadOnlyList<StoredItem> CopyFolder(string localFolder, string path) =>
        SyncOrAsync.Wait(CopyFolderCore(CheckLocalFolder(localFolder), StorePath.Check(Name, path), sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="CopyFolder"/>.</summary>
    public async Task<IReadOnlyList<StoredItem>> CopyFolderAsync(string localFolder, string path, CancellationToken ct = default) =>
        await CopyFolderCore(CheckLocalFolder(localFolder), StorePath.Check(Name, path), sync: false, ct).ConfigureAwait(false);

    /// <summary>What the protocol addresses for <paramref name="path"/>: a file system path, or <c>bucket/key</c>.</summary>
    public string FullPath(string path) => FullPathCore(StorePath.Check(Name, path));

    /// <summary>A URL for display (<c>file:///…</c>, <c>s3://bucket/key</c>).</summary>
    public abstract string Url(string path);

    /// <summary>Releases the protocol's client, if it has one.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the protocol's client.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>See <see cref="FullPath"/>; <paramref name="path"/> is checked already.</summary>
    protected abstract string FullPathCore(string path);

    /// <summary>See <see cref="OpenRead"/>.</summary>
    protected abstract ValueTask<Stream> OpenReadCore(string path, bool sync, CancellationToken ct);

    /// <summary>See <see cref="Write(string, Stream)"/>; must not leave a partial object at <paramref name="path"/>.</summary>
    protected abstract ValueTask<long> WriteCore(string path, Stream content, bool sync, CancellationToken ct);

    /// <summary>See <see cref="Exists"/>.</summary>
    protected abstract ValueTask<bool> ExistsCore(string path, bool sync, CancellationToken ct);

    /// <summary>See <see cref="Size"/>.</summary>
    protected abstract ValueTask<long> SizeCore(string path, bool sync, CancellationToken ct);

    /// <summary>See <see cref="List"/>; <paramref name="folder"/> is empty or a checked path without a trailing '/'.</summary>
    protected abstract ValueTask<IReadOnlyList<StoredItem>> ListCore(string folder, bool sync, CancellationToken ct);

    /// <summary>See <see cref="Delete"/>.</summary>
    protected abstract ValueTask<bool> DeleteCore(string path, bool sync, CancellationToken ct);

    /// <summary>See <see cref="CopyFile"/>; by default streams the file through <see cref="WriteCore"/>.</summary>
    protected virtual async ValueTask<long> CopyFileCore(string localFile, string path, bool sync, CancellationToken ct)
    {
        var source = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            sync ? FileOptions.SequentialScan : FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (source.ConfigureAwait(false))
        {
            return await WriteCore(path, source, sync, ct).ConfigureAwait(false);
        }
    }

    /// <summary>See <see cref="CopyFolder"/>; by default copies file by file through <see cref="CopyFileCore"/>.</summary>
    protected virtual async ValueTask<IReadOnlyList<StoredItem>> CopyFolderCore(string localFolder, string path, bool sync, CancellationToken ct)
    {
        var written = new List<StoredItem>();
        foreach (var file in Directory.EnumerateFiles(localFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(localFolder, file).Replace(Path.DirectorySeparatorChar, '/');
            var target = StorePath.Check(Name, path + "/" + relative);
            written.Add(new StoredItem(target, await CopyFileCore(file, target, sync, ct).ConfigureAwait(false)));
        }

        return written;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> in 1 MiB steps; returns the bytes copied.</summary>
    protected static ValueTask<long> Pump(Stream source, Stream destination, bool sync, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        return StreamPump.Copy(source, destination, sync, ct);
    }

    /// <summary>
    /// See <see cref="ReadAllBytes"/>; by default streams <see cref="OpenReadCore"/> into memory. A protocol that knows
    /// the size first reads into an array of that size (small objects are read one per row by the hashed codecs).
    /// </summary>
    private protected virtual async ValueTask<byte[]> ReadAllCore(string path, bool sync, CancellationToken ct)
    {
        var stream = await OpenReadCore(path, sync, ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var memory = new MemoryStream();
            await Pump(stream, memory, sync, ct).ConfigureAwait(false);
            return memory.ToArray();
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string CheckLocalFile(string localFile)
    {
        ArgumentNullException.ThrowIfNull(localFile);
        return File.Exists(localFile) ? Path.GetFullPath(localFile) : throw new FileNotFoundException($"The file '{localFile}' does not exist.", localFile);
    }

    private static string CheckLocalFolder(string localFolder)
    {
        ArgumentNullException.ThrowIfNull(localFolder);
        return Directory.Exists(localFolder) ? Path.GetFullPath(localFolder) : throw new DirectoryNotFoundException($"The folder '{localFolder}' does not exist.");
    }
}
