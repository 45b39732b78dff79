using System.Text.Json.Nodes;

namespace DataJoint;

/// <summary>
/// A lazy handle on the NumPy array an <c>&lt;npy@store&gt;</c> attribute keeps as a <c>.npy</c> file: <see cref="Shape"/>
/// and <see cref="Dtype"/> come from the metadata in the row, and the array is read from the store only by
/// <see cref="Load()"/> (or <see cref="LoadAsync(CancellationToken)"/>), through the stores of the connection that
/// fetched the row. Inserting an <see cref="NpyRef"/> keeps the reference (no copy).
/// </summary>
public sealed class NpyRef
{
    private readonly Stores stores;

    internal NpyRef(JsonObject metadata, Stores stores)
    {
        this.stores = stores;
        Metadata = metadata;
        Path = (string?)metadata["path"] ?? throw new DataJointException($"Array metadata {metadata.ToJsonString()} has no \"path\".");
        Store = (string?)metadata["store"];
        Dtype = (string?)metadata["dtype"] ?? throw new DataJointException($"Array metadata {metadata.ToJsonString()} has no \"dtype\".");
        Shape = metadata["shape"] is JsonArray shape
            ? shape.Select(n => n is JsonValue v && v.TryGetValue<int>(out var i) ? i
                : throw new DataJointException($"Array metadata {metadata.ToJsonString()} has a shape that is not a list of integers.")).ToArray()
            : throw new DataJointException($"Array metadata {metadata.ToJsonString()} has no \"shape\" list.");
    }

    /// <summary>The path of the <c>.npy</c> file in the store.</summary>
    public string Path { get; }

    /// <summary>The store as declared, or null for the default store.</summary>
    public string? Store { get; }

    /// <summary>The array's shape (no I/O); empty for a 0-d array.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>NumPy's name of the element type, e.g. <c>float64</c> (no I/O).</summary>
    public string Dtype { get; }

    /// <summary>The number of dimensions (<c>ndim</c>).</summary>
    public int Rank => Shape.Count;

    /// <summary>The number of elements (<c>size</c>): the product of the shape.</summary>
    public long Length => Shape.Aggregate(1L, (product, n) => product * n);

    /// <summary>The .NET element type <see cref="Load()"/> returns an <see cref="NDArray{T}"/> of; null for a dtype read nowhere here.</summary>
    public Type? ElementType => NpyFormat.ForName(Dtype)?.ElementType;

    /// <summary>The metadata as the column holds it.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The store holding the file (opened on first use).</summary>
    /// <exception cref="ConfigurationException">The store is not configured.</exception>
    public ObjectStore ObjectStore => stores.Get(Store);

    /// <summary>Whether the file is (still) in its store.</summary>
    public bool Exists() => ObjectStore.Exists(Path);

    /// <summary>Asynchronous <see cref="Exists()"/>.</summary>
    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => ObjectStore.ExistsAsync(Path, cancellationToken);

    /// <summary>Reads the array (streamed from the store): an <see cref="NDArray{T}"/> of the element type of <see cref="Dtype"/>.</summary>
    /// <exception cref="StoredObjectMissingException">The file is not in the store.</exception>
    /// <exception cref="DataJointException">The file is not a <c>.npy</c> file, or is truncated.</exception>
    public object Load() => SyncOrAsync.Wait(Read(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Load()"/>.</summary>
    public async Task<object> LoadAsync(CancellationToken cancellationToken = default) =>
        await Read(sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the array as an <see cref="NDArray{T}"/> of <typeparamref name="T"/>, which must be the dtype's element type.</summary>
    /// <exception cref="InvalidCastException">The array's dtype is not <typeparamref name="T"/>.</exception>
    public NDArray<T> Load<T>() => As<T>(Load());

    /// <summary>Asynchronous <see cref="Load{T}()"/>.</summary>
    public async Task<NDArray<T>> LoadAsync<T>(CancellationToken cancellationToken = default) =>
        As<T>(await LoadAsync(cancellationToken).ConfigureAwait(false));

    private async ValueTask<object> Read(bool sync, CancellationToken cancellationToken)
    {
        var store = ObjectStore;
        var where = $"'{Path}' in store '{store.Name}'";
        var stream = sync ? store.OpenRead(Path) : await store.OpenReadAsync(Path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await NpyFormat.Read(stream, where, sync, cancellationToken).ConfigureAwait(false);
        }
    }

    private NDArray<T> As<T>(object array) => array as NDArray<T>
        ?? throw new InvalidCastException($"The array at '{Path}' has dtype {Dtype}, not {typeof(T).Name}: load it as {ElementType?.Name ?? "object"}.");

    /// <inheritdoc />
    public override string ToString() => $"NpyRef(shape={NpyFormat.ShapeText(Shape)}, dtype={Dtype}) {Path} in store {Store ?? "(default)"}";
}
