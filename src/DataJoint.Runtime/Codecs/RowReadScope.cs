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

    [ThreadStatic]
    private static byte[]?[]? t_loaded;

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

    /// <summary>The content of a stored column of the row being mapped, when it was loaded before (<see cref="StoredColumns"/>).</summary>
    public static byte[]? Loaded(int ordinal) => t_loaded is { } loaded && ordinal < loaded.Length ? loaded[ordinal] : null;

    /// <summary>
    /// Wraps a row reader so that what it reads is read with <paramref name="config"/>'s limits and stores, and with the
    /// row's stored content loaded already (the second argument, by ordinal; null when nothing was loaded).
    /// </summary>
    public static Func<TReader, byte[]?[]?, T> Scoped<TReader, T>(Func<TReader, T> read, Config config) => (reader, content) =>
    {
        var previous = (t_config, t_loaded);
        t_config = config;
        t_loaded = content;
        try
        {
            return read(reader);
        }
        finally
        {
            (t_config, t_loaded) = previous;
        }
    };
}
