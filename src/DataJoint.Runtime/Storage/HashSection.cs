using System.Security.Cryptography;

namespace DataJoint;

/// <summary>
/// The content-addressed section of a store (DataJoint's hash registry, used by <c>&lt;hash@&gt;</c>,
/// <c>&lt;blob@&gt;</c> and <c>&lt;attach@&gt;</c>): content is written once per schema at
/// <see cref="HashPath.Build"/>'s path and verified against its hash whenever it is read. Nothing is ever deleted
/// here; unreferenced objects are garbage collection's.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
    Justification = "DataJoint's storage format names objects by MD5; it identifies content, it does not protect it.")]
public sealed class HashSection
{
    internal HashSection(ObjectStore store, string? declaredStore)
    {
        Store = store;
        DeclaredStore = declaredStore;
    }

    /// <summary>The store holding the section.</summary>
    public ObjectStore Store { get; }

    /// <summary>The store name as declared (<c>&lt;hash@raw&gt;</c> → "raw"), or null for the default store.</summary>
    public string? DeclaredStore { get; }

    /// <summary>The path content with <paramref name="hash"/> has in <paramref name="schema"/>, by the store's current settings.</summary>
    public string PathOf(string hash, string schema) => HashPath.Build(hash, schema, Store.Spec.Subfolding, Store.Spec.HashPrefix);

    /// <summary>Stores <paramref name="content"/> for <paramref name="schema"/> unless the same content is there already.</summary>
    /// <returns>The metadata DataJoint stores in the attribute's json column.</returns>
    public HashedObject Put(ReadOnlyMemory<byte> content, string schema) =>
        SyncOrAsync.Wait(PutBytes(content, schema, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Put(ReadOnlyMemory{byte}, string)"/>.</summary>
    public async Task<HashedObject> PutAsync(ReadOnlyMemory<byte> content, string schema, CancellationToken ct = default) =>
        await PutBytes(content, schema, sync: false, ct).ConfigureAwait(false);

    /// <summary>
    /// Stores a stream's content for <paramref name="schema"/> unless it is there already. The path depends on the hash,
    /// so the stream is spooled to a temporary file while it is hashed (memory stays flat), then uploaded from there.
    /// </summary>
    public HashedObject Put(Stream content, string schema) => SyncOrAsync.Wait(PutStream(content, schema, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Put(Stream, string)"/>.</summary>
    public async Task<HashedObject> PutAsync(Stream content, string schema, CancellationToken ct = default) =>
        await PutStream(content, schema, sync: false, ct).ConfigureAwait(false);

    /// <summary>Reads the content <paramref name="stored"/> describes, from its recorded path, and verifies its hash.</summary>
    /// <exception cref="StoredObjectMissingException">The object is not in the store.</exception>
    /// <exception cref="StoredObjectCorruptException">The content does not hash to <see cref="HashedObject.Hash"/>.</exception>
    public byte[] Get(HashedObject stored) => SyncOrAsync.Wait(GetCore(stored, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Get"/>.</summary>
    public async Task<byte[]> GetAsync(HashedObject stored, CancellationToken ct = default) =>
        await GetCore(stored, sync: false, ct).ConfigureAwait(false);

    /// <summary>The one body of <see cref="Get"/> and <see cref="GetAsync"/>.</summary>
    internal async ValueTask<byte[]> GetCore(HashedObject stored, bool sync, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var bytes = sync ? Store.ReadAllBytes(stored.Path) : await Store.ReadAllBytesAsync(stored.Path, ct).ConfigureAwait(false);
        Verify(stored, ContentHash.Compute(bytes));
        return bytes;
    }

    /// <summary>
    /// Streams the content to <paramref name="destination"/>, hashing it on the way; a mismatch is reported once the
    /// copy ends (what was written must then be discarded).
    /// </summary>
    /// <returns>The number of bytes copied.</returns>
    public long CopyTo(HashedObject stored, Stream destination) => SyncOrAsync.Wait(Copy(stored, destination, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="CopyTo"/>.</summary>
    public async Task<long> CopyToAsync(HashedObject stored, Stream destination, CancellationToken ct = default) =>
        await Copy(stored, destination, sync: false, ct).ConfigureAwait(false);

    private async ValueTask<HashedObject> PutBytes(ReadOnlyMemory<byte> content, string schema, bool sync, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var hash = ContentHash.Compute(content.Span);
        var path = PathOf(hash, schema);
        var exists = await Store.ObjectExists(path, sync, ct).ConfigureAwait(false);
        if (!exists)
        {
            if (sync) Store.Write(path, content);
            else await Store.WriteAsync(path, content, ct).ConfigureAwait(false);
        }

        return new HashedObject(hash, path, schema, DeclaredStore, content.Length);
    }

    private async ValueTask<HashedObject> PutStream(Stream content, string schema, bool sync, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(schema);
        var spool = Path.Combine(Path.GetTempPath(), "dj-hash-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | (sync ? FileOptions.None : FileOptions.Asynchronous));
        await using (file.ConfigureAwait(false))
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            await StreamPump.Copy(content, file, sync, ct, md5).ConfigureAwait(false);

            var hash = ContentHash.Encode(md5.GetHashAndReset());
            var size = file.Length;
            var path = PathOf(hash, schema);
            var exists = await Store.ObjectExists(path, sync, ct).ConfigureAwait(false);
            if (!exists)
            {
                file.Position = 0;
                if (sync) Store.Write(path, file);
                else await Store.WriteAsync(path, file, ct).ConfigureAwait(false);
            }

            return new HashedObject(hash, path, schema, DeclaredStore, size);
        }
    }

    private async ValueTask<long> Copy(HashedObject stored, Stream destination, bool sync, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(destination);
        var source = sync ? Store.OpenRead(stored.Path) : await Store.OpenReadAsync(stored.Path, ct).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var copied = await StreamPump.Copy(source, destination, sync, ct, md5).ConfigureAwait(false);
            Verify(stored, ContentHash.Encode(md5.GetHashAndReset()));
            return copied;
        }
    }

    private void Verify(HashedObject stored, string actual)
    {
        if (!string.Equals(actual, stored.Hash, StringComparison.Ordinal))
        {
            throw new StoredObjectCorruptException(Store.Name, stored.Path, stored.Hash, actual);
        }
    }
}
