namespace DataJoint;

/// <summary>
/// The blob size limit in force on this thread: <see cref="Blob.DefaultMaxSize"/>, or the connection's <c>blob.max_size</c>
/// while it materializes a row. Row mappers (generated and untyped) call <see cref="Blob.Unpack(byte[])"/> without the
/// connection at hand; rows are read synchronously between awaits, so a thread-scoped value set around each read is exact.
/// </summary>
internal static class BlobLimit
{
    [ThreadStatic]
    private static long t_maxSize;

    public static long Current => t_maxSize > 0 ? t_maxSize : Blob.DefaultMaxSize;

    /// <summary>Wraps a row reader so that blobs inside it are read with <paramref name="maxSize"/> as the limit.</summary>
    public static Func<TReader, T> Scoped<TReader, T>(Func<TReader, T> read, long maxSize) => maxSize == Blob.DefaultMaxSize
        ? read
        : reader =>
        {
            var previous = t_maxSize;
            t_maxSize = maxSize;
            try
            {
                return read(reader);
            }
            finally
            {
                t_maxSize = previous;
            }
        };
}
