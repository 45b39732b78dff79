namespace DataJoint;

/// <summary>
/// A <c>file</c> store: objects are files under <c>location</c> (relative locations are taken from the working
/// directory when the store is opened). A write goes to a hidden temporary file beside the target and is renamed
/// into place, so readers see the old object or the new one, never a partial one.
/// </summary>
internal sealed class FileObjectStore : ObjectStore
{
    private const string TemporarySuffix = ".dj-partial";
    private readonly string root;

    public FileObjectStore(StoreSpec spec) : base(spec) => root = Path.GetFullPath(spec.RequireString("location"));

    public override string Url(string path) => new Uri(FullPath(path)).AbsoluteUri;

    protected override string FullPathCore(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    protected override ValueTask<Stream> OpenReadCore(string path, bool sync, CancellationToken ct)
    {
        var full = FullPathCore(path);
        try
        {
            return ValueTask.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                sync ? FileOptions.SequentialScan : FileOptions.SequentialScan | FileOptions.Asynchronous));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, "cannot be read", ex);
        }
    }

    // One open, a read of the file's size, no stream: what File.ReadAllBytes does (the hashed codecs read one small object a row).
    private protected override async ValueTask<byte[]> ReadAllCore(string path, bool sync, CancellationToken ct)
    {
        var full = FullPathCore(path);
        try
        {
            return sync ? File.ReadAllBytes(full) : await File.ReadAllBytesAsync(full, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, "cannot be read", ex);
        }
    }

    protected override async ValueTask<long> WriteCore(string path, Stream content, bool sync, CancellationToken ct)
    {
        RequireRoot(path);
        var full = FullPathCore(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + TemporarySuffix);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            long written;
            // Unbuffered (bufferSize 1): the pump writes 1 MiB chunks, and a buffer per file is 64 KB for every small object.
            var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1,
                sync ? FileOptions.None : FileOptions.Asynchronous);
            await using (target.ConfigureAwait(false))
            {
                written = await Pump(content, target, sync, ct).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
            return written;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, "cannot be written", ex);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    protected override ValueTask<bool> ExistsCore(string path, bool sync, CancellationToken ct)
    {
        var full = FullPathCore(path);
        return ValueTask.FromResult(File.Exists(full) || Directory.Exists(full));
    }

    protected override ValueTask<long> SizeCore(string path, bool sync, CancellationToken ct)
    {
        var info = new FileInfo(FullPathCore(path));
        if (!info.Exists) throw Missing(path, null);
        return ValueTask.FromResult(info.Length);
    }

    protected override ValueTask<IReadOnlyList<StoredItem>> ListCore(string folder, bool sync, CancellationToken ct)
    {
        var start = folder.Length == 0 ? root : FullPathCore(folder);
        if (!Directory.Exists(start)) return ValueTask.FromResult<IReadOnlyList<StoredItem>>([]);
        try
        {
            var items = new DirectoryInfo(start).EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => !f.Name.EndsWith(TemporarySuffix, StringComparison.Ordinal))
                .Select(f => new StoredItem(Path.GetRelativePath(root, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), f.Length))
                .OrderBy(i => i.Path, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult<IReadOnlyList<StoredItem>>(items);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(folder, "cannot be listed", ex);
        }
    }

    protected override ValueTask<bool> DeleteCore(string path, bool sync, CancellationToken ct)
    {
        var full = FullPathCore(path);
        if (!File.Exists(full)) return ValueTask.FromResult(false);
        try
        {
            File.Delete(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, "cannot be deleted", ex);
        }

        RemoveEmptyFolders(Path.GetDirectoryName(full));
        return ValueTask.FromResult(true);
    }

    // Folders exist only while objects are below them, as in S3: the emptied ones up to the location go with the object.
    private void RemoveEmptyFolders(string? folder)
    {
        var top = Path.TrimEndingDirectorySeparator(root);
        while (folder is not null && folder.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any()) return;
                Directory.Delete(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return; // a writer is filling it again, or it is not ours to remove
            }

            folder = Path.GetDirectoryName(folder);
        }
    }

    // DataJoint refuses a file store whose location is missing rather than creating it (a typo or an unmounted share).
    private void RequireRoot(string path)
    {
        if (!Directory.Exists(root))
        {
            throw new StorageException(Name, path, $"The location '{root}' of file store '{Name}' is not an accessible folder. "
                + "Create it or mount the share, or correct stores." + Name + ".location.");
        }
    }

    private StoredObjectMissingException Missing(string path, Exception? inner) =>
        new(Name, path, $"The object '{path}' is not in file store '{Name}' ({FullPathCore(path)}).", inner);

    private StorageException Failed(string path, string what, Exception inner) =>
        new(Name, path, $"The object '{path}' in file store '{Name}' ({FullPathCore(path)}) {what}: {inner.Message}", inner);
}
