namespace DataJoint;

/// <summary>What a codec attribute stores for a value: <c>&lt;blob&gt;</c> values are serialized with <see cref="Blob.Pack"/>.</summary>
internal static class StoredValue
{
    /// <summary>The column value for <paramref name="attribute"/> of <paramref name="table"/>; a value without a blob encoding fails naming the attribute.</summary>
    public static object? Of(HeadingAttribute attribute, object? value, string table)
    {
        if (!attribute.Spec.IsSerializedBlob || value is null or DBNull) return value;
        try
        {
            return Blob.Pack(value);
        }
        catch (BlobException ex)
        {
            throw new BlobException($"Cannot store the value of the <blob> attribute `{attribute.Name}` of {table}: {ex.Message}", ex);
        }
    }
}
