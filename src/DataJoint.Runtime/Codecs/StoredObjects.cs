using System.Globalization;

namespace DataJoint;

/// <summary>
/// Encodes <c>&lt;object@store&gt;</c> values (content written at its schema-addressed path, <see cref="ObjectPath"/>) and
/// <c>&lt;filepath@store&gt;</c> values (a reference to a file already in the store, checked against DataJoint's path
/// rules), as metadata JSON in DataJoint-Python's key order.
/// </summary>
internal static class StoredObjects
{
    /// <summary>Writes bytes, a stream, a file or a folder for an <c>&lt;object@&gt;</c> attribute; an <see cref="ObjectRef"/> is kept as it is.</summary>
    public static async ValueTask<string> Write(HeadingAttribute attribute, object value, CodecTarget target,
        IReadOnlyList<(string Name, object? Value)> key, bool sync, CancellationToken cancellationToken)
    {
        if (value is ObjectRef existing) return existing.Metadata.ToJsonString();
        var store = Open(attribute, target, useFilepathDefault: false);
        var (localPath, isFolder) = value switch
        {
            string s => (s, Directory.Exists(s)),
            FileInfo f => (f.FullName, false),
            DirectoryInfo d => (d.FullName, true),
            _ => ((string?)null, false),
        };
        if (localPath is not null && !isFolder && !File.Exists(localPath))
        {
            throw new FileNotFoundException($"Cannot store {localPath} in `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: "
                + "no such file or folder. Nothing was written.", localPath);
        }

        var ext = localPath is not null && !isFolder ? NullIfEmpty(Path.GetExtension(localPath)) : null;
        var path = ObjectPath.Build(store.Spec, target.Schema, target.TableName, attribute.Name, key, ext);
        long size;
        int? itemCount = null;
        try
        {
            switch (value)
            {
                case byte[] bytes:
                    size = sync ? store.Write(path, bytes) : await store.WriteAsync(path, bytes, cancellationToken).ConfigureAwait(false);
                    break;
                case Stream stream:
                    size = sync ? store.Write(path, stream) : await store.WriteAsync(path, stream, cancellationToken).ConfigureAwait(false);
                    break;
                case not null when isFolder:
                    var items = sync ? store.CopyFolder(localPath!, path) : await store.CopyFolderAsync(localPath!, path, cancellationToken).ConfigureAwait(false);
                    size = items.Sum(i => i.Size);
                    itemCount = items.Count;
                    break;
                case not null when localPath is not null:
                    size = sync ? store.CopyFile(localPath, path) : await store.CopyFileAsync(localPath, path, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new ArgumentException($"The {attribute.Type} attribute `{attribute.Name}` of {target.FullTableName} takes bytes, a Stream, "
                        + $"or the path of a file or folder (string, FileInfo, DirectoryInfo), not a {value?.GetType().Name}.");
            }
        }
        catch (StorageException ex)
        {
            throw new StorageException(ex.Store, path, $"Cannot store `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: {ex.Message}", ex);
        }

        return new PythonJson().Add("path", path).Add("store", Stores.NormalizeName(attribute.Spec.Store)).Add("size", size).Add("ext", ext)
            .Add("is_dir", isFolder).Add("item_count", itemCount).Add("timestamp", Now()).ToString();
    }

    /// <summary>Refers to a file or folder already in the store of a <c>&lt;filepath@&gt;</c> attribute.</summary>
    public static async ValueTask<string> Reference(HeadingAttribute attribute, object value, CodecTarget target, bool sync,
        CancellationToken cancellationToken)
    {
        if (value is ObjectRef existing) return existing.Metadata.ToJsonString();
        if (value is not string path)
        {
            throw new ArgumentException($"The {attribute.Type} attribute `{attribute.Name}` of {target.FullTableName} takes a path in the store "
                + $"(a string), not a {value.GetType().Name}.");
        }

        var store = Open(attribute, target, useFilepathDefault: true);
        var spec = store.Spec;
        var normalized = path.TrimStart('/');
        foreach (var (setting, prefix) in new[] { ("hash_prefix", spec.HashPrefix), ("schema_prefix", spec.SchemaPrefix) })
        {
            if (prefix.Length > 0 && normalized.StartsWith(prefix.Trim('/') + "/", StringComparison.Ordinal))
            {
                throw new ArgumentException($"`{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: <filepath@> cannot use the section "
                    + $"'{prefix}' ({setting}) of store '{store.Name}', which DataJoint manages. Got path: {path}");
            }
        }

        if (spec.FilepathPrefix is { } only && !normalized.StartsWith(only.Trim('/') + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"`{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: <filepath@> paths of store '{store.Name}' "
                + $"must start with '{only}' (filepath_prefix). Got path: {path}");
        }

        StorePath.Check(store.Name, normalized);
        var exists = sync ? store.Exists(normalized) : await store.ExistsAsync(normalized, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            throw new StoredObjectMissingException(store.Name, normalized, $"`{attribute.Name}` ({attribute.Type}) of {target.FullTableName} "
                + $"refers to '{path}', which is not in store '{store.Name}'. Copy the file into the store first. Nothing was written.");
        }

        var below = sync ? store.List(normalized) : await store.ListAsync(normalized, cancellationToken).ConfigureAwait(false);
        var isFolder = below.Count > 0 && below.All(i => i.Path != normalized);
        long? size = isFolder ? null : sync ? store.Size(normalized) : await store.SizeAsync(normalized, cancellationToken).ConfigureAwait(false);
        return new PythonJson().Add("path", path).Add("store", Stores.NormalizeName(attribute.Spec.Store)).Add("size", size)
            .Add("is_dir", isFolder).Add("timestamp", Now()).ToString();
    }

    internal static ObjectStore Open(HeadingAttribute attribute, CodecTarget target, bool useFilepathDefault)
    {
        try
        {
            return target.Stores.Get(attribute.Spec.Store, useFilepathDefault);
        }
        catch (ConfigurationException ex)
        {
            throw new ConfigurationException($"Cannot store `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: {ex.Message}", ex);
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // Python's datetime.now(timezone.utc).isoformat(): microseconds and +00:00.
    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
