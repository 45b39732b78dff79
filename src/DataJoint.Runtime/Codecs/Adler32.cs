namespace DataJoint;

/// <summary>
/// The Adler-32 checksum that ends every zlib stream (RFC 1950). The runtime's <c>ZLibStream</c> accepts a stream whose
/// checksum was cut off, so a compressed blob's trailer is checked here, as Python's <c>zlib.decompress</c> does.
/// </summary>
internal static class Adler32
{
    private const uint Modulus = 65521;

    /// <summary>Largest run of bytes whose sums cannot overflow a uint before the modulo (zlib's NMAX).</summary>
    private const int MaxRun = 5552;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        while (!data.IsEmpty)
        {
            var run = data[..Math.Min(data.Length, MaxRun)];
            foreach (var value in run)
            {
                a += value;
                b += a;
            }

            a %= Modulus;
            b %= Modulus;
            data = data[run.Length..];
        }

        return (b << 16) | a;
    }
}
