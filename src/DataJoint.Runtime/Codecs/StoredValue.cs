namespace DataJoint;

/// <summary>
/// What a codec attribute's column holds for a value, as DataJoint-Python encodes it: <c>&lt;blob&gt;</c> packed
/// (<see cref="Blob.Pack"/>), <c>&lt;attach&gt;</c> as file name + NUL + content, and with a store
/// (<c>&lt;blob@s&gt;</c>, <c>&lt;attach@s&gt;</c>, <c>&lt;hash@s&gt;</c>) those bytes put into the store's
/// content-addressed section and the column holding the metadata's JSON text. Objects are written before the row, so
/// a failed insert leaves them behind unreferenced (garbage collection removes them), never a row without its object.
/// </summary>
internal static class StoredValue
{
    /// <summary>Encodes <paramref name="value"/> for <paramref name="attribute"/>; values of other types are returned as given.</summary>
    /// <paramref name="key"/> is the row's primary key (in key order), which names the path of an <c>&lt;object@&gt;</c>.
    public static async ValueTask<object?> Encode(HeadingAttribute attribute, object? value, CodecTarget target,
        IReadOnlyList<(string Name, object? Value)> key, bool sync, CancellationToken cancellationToken)
    {
        var spec = attribute.Spec;
        if (spec.Category != Definition.TypeCategory.Codec || value is null or DBNull) return value;
        switch (spec.CodecName)
        {
            case "blob":
                var packed = Pack(attribute, value, target);
                return spec.IsInStore ? await Put(attribute, packed, target, sync, cancellationToken).ConfigureAwait(false) : packed;
            case "attach":
                var attached = (await AttachmentOf(attribute, value, target, sync, cancellationToken).ConfigureAwait(false)).Encode();
                return spec.IsInStore ? await Put(attribute, attached, target, sync, cancellationToken).ConfigureAwait(false) : attached;
            case "hash":
                return await Put(attribute, value, target, sync, cancellationToken).ConfigureAwait(false);
            case "object" when spec.IsInStore:
                return await StoredObjects.Write(attribute, value, target, key, sync, cancellationToken).ConfigureAwait(false);
            case "npy" when spec.IsInStore:
                return await StoredArrays.Write(attribute, value, target, key, sync, cancellationToken).ConfigureAwait(false);
            case "filepath" when spec.IsInStore:
                return await StoredObjects.Reference(attribute, value, target, sync, cancellationToken).ConfigureAwait(false);
            case var name when !Definition.BuiltinCodecs.IsBuiltin(name!):
                return await CustomCodecs.Encode(attribute, value, target, key, sync, cancellationToken).ConfigureAwait(false);
            default:
                return value;
        }
    }

    private static byte[] Pack(HeadingAttribute attribute, object value, CodecTarget target)
    {
        try
        {
            return Blob.Pack(value);
        }
        catch (BlobException ex)
        {
            throw new BlobException($"Cannot store the value of the {attribute.Type} attribute `{attribute.Name}` of {target.FullTableName}: {ex.Message}", ex);
        }
    }

    private static async ValueTask<Attachment> AttachmentOf(HeadingAttribute attribute, object value, CodecTarget target, bool sync,
        CancellationToken cancellationToken)
    {
        var path = value switch
        {
            Attachment a => null,
            string s => s,
            FileInfo f => f.FullName,
            _ => throw new ArgumentException($"The {attribute.Type} attribute `{attribute.Name}` of {target.FullTableName} takes an Attachment "
                + $"or the path of a file (string or FileInfo), not a {value.GetType().Name}."),
        };
        if (path is null) return (Attachment)value;
        try
        {
            return sync ? Attachment.FromFile(path) : await Attachment.FromFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException ex)
        {
            throw new FileNotFoundException($"Cannot attach {path} to `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: "
                + $"{ex.Message}. Nothing was written.", path, ex);
        }
    }

    private static async ValueTask<string> Put(HeadingAttribute attribute, object content, CodecTarget target, bool sync,
        CancellationToken cancellationToken)
    {
        HashSection section;
        try
        {
            section = target.Sections.Get(attribute.Spec.Store);
        }
        catch (ConfigurationException ex)
        {
            throw new ConfigurationException($"Cannot store `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: {ex.Message}", ex);
        }

        try
        {
            var stored = content switch
            {
                byte[] bytes => sync ? section.Put(bytes, target.Schema) : await section.PutAsync(bytes, target.Schema, cancellationToken).ConfigureAwait(false),
                ReadOnlyMemory<byte> memory => sync ? section.Put(memory, target.Schema) : await section.PutAsync(memory, target.Schema, cancellationToken).ConfigureAwait(false),
                Stream stream => sync ? section.Put(stream, target.Schema) : await section.PutAsync(stream, target.Schema, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException($"The {attribute.Type} attribute `{attribute.Name}` of {target.FullTableName} takes bytes "
                    + $"(byte[], ReadOnlyMemory<byte>) or a Stream, not a {content.GetType().Name}; use <blob@{attribute.Spec.Store}> for other values."),
            };
            return stored.ToJson();
        }
        catch (StorageException ex)
        {
            throw new StorageException(ex.Store, ex.Path, $"Cannot store `{attribute.Name}` ({attribute.Type}) of {target.FullTableName}: {ex.Message}", ex);
        }
    }
}
