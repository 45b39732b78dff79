using System.Buffers;
using System.Security.Cryptography;

namespace DataJoint;

/// <summary>Copies a stream in 1 MiB steps (pooled buffer), synchronously or not, optionally hashing what passes.</summary>
internal static class StreamPump
{
    private const int BufferSize = 1 << 20;

    public static async ValueTask<long> Copy(Stream source, Stream destination, bool sync, CancellationToken ct, IncrementalHash? hash = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            while (true)
            {
                var read = sync ? source.Read(buffer, 0, BufferSize) : await source.ReadAsync(buffer.AsMemory(0, BufferSize), ct).ConfigureAwait(false);
                if (read == 0) return total;
                hash?.AppendData(buffer, 0, read);
                if (sync) destination.Write(buffer, 0, read);
                else await destination.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
