namespace DataJoint;

/// <summary>
/// Encodes <c>&lt;npy@store&gt;</c> values as DataJoint-Python's <c>NpyCodec</c> does: the array saved as a <c>.npy</c>
/// file at its schema-addressed path (<see cref="ObjectPath"/>, extension <c>.npy</c>) and the metadata
/// <c>{"path", "store", "dtype", "shape"}</c> in the column.
/// </summary>
internal static class StoredArrays
{
    /// <summary>Writes an array (a .NET array of any rank or an <see cref="NDArray{T}"/>); an <see cref="NpyRef"/> is kept as it is.</summary>
    public static async ValueTask<string> Write(HeadingAttribute attribute, object value, CodecTarget target,
        IReadOnlyList<(string Name, object? Value)> key, bool sync, CancellationToken cancellationToken)
    {
        if (value is NpyRef existing) return existing.Metadata.ToJsonString();
        var (elements, dtype, shape) = NpyFormat.Describe(value)
            ?? throw new ArgumentException($"The {attribute.Type} attribute `{attribute.Name}` of {target.FullTableName} takes an array "
                + $"(a .NET array of any rank or an NDArray<T>) of {NpyFormat.Supported}, not a {value.GetType().Name}.");
        if ((long)elements.Length * dtype.Size > Array.MaxLength - 4096)
        {
            throw new ArgumentException($"The array for `{attribute.Name}` ({attribute.Type}) of {target.FullTableName} has {elements.Length} "
                + $"{dtype.Name} elements, more than one .npy file written here can hold (2 GB); use <object@> with a stream.");
        }

        var store = StoredObjects.Open(attribute, target, useFilepathDefault: false);
        var path = ObjectPath.Build(store.Spec, target.Schema, target.TableName, attribute.Name, key, ".npy");
        var file = NpyFormat.Encode(elements, dtype, shape);
        try
        {
            if (sync) store.Write(path, file);
            else await store.WriteAsync(path, file, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex)
        {
            throw new StorageException(ex.Store, path, $"Cannot store `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: {ex.Message}", ex);
        }

        return new PythonJson().Add("path", path).Add("store", Stores.NormalizeName(attribute.Spec.Store)).Add("dtype", dtype.Name)
            .Add("shape", shape.Select(n => (long)n).ToArray()).ToString();
    }
}
