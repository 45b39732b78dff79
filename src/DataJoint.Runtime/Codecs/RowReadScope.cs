namespace DataJoint;

/// <summary>
/// The connection whose rows this thread is materializing: its <c>blob.max_size</c> and its object stores. Row mappers
/// (generated and untyped) call <see cref="Blob.Unpack(byte[])"/> and the stored codecs' readers without the connection
/// at hand; rows are read synchronously between awaits, so a thread-scoped value set around each read is exact.
/// </summary>
internal static class RowReadScope
{
    [ThreadStatic]
    private static Config? t_config;

    /// <summary>The blob size limit in force: the reading connection's, or <see cref="Blob.DefaultMaxSize"/> outside a read.</summary>
    public static long MaxBlobSize => t_config?.Blob.MaxSize is > 0 and var size ? size : Blob.DefaultMaxSize;

    /// <summary>The reading connection's stores, where stored codec values are read from.</summary>
    /// <exception cref="InvalidOperationException">No fetch is materializing rows on this thread.</exception>
    public static Stores Stores => t_config?.ObjectStores
        ?? throw new InvalidOperationException("Values kept in object stores are read while a fetch materializes rows; read them through a fetch.");

    /// <summary>The reading connection's custom codecs.</summary>
    /// <exception cref="InvalidOperationException">No fetch is materializing rows on this thread.</exception>
    public static CodecRegistry Codecs => t_config?.Codecs
        ?? throw new InvalidOperationException("Values of custom codecs are decoded while a fetch materializes rows; read them through a fetch.");

    /// <summary>Wraps a row reader so that what it reads is read with <paramref name="config"/>'s limits and stores.</summary>
    public static Func<TReader, T> Scoped<TReader, T>(Func<TReader, T> read, Config config) => reader =>
    {
        var previous = t_config;
        t_config = config;
        try
        {
            return read(reader);
        }
        finally
        {
            t_config = previous;
        }
    };
}
