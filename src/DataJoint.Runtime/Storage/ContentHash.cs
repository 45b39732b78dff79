using System.Security.Cryptography;

namespace DataJoint;

/// <summary>
/// DataJoint's content hash: the MD5 digest in lowercase base32 (RFC 4648 alphabet) without padding, 26 characters
/// (<c>hash_registry.compute_hash</c>). It names content-addressed objects and verifies them on read.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
    Justification = "DataJoint's storage format names objects by MD5; it identifies content, it does not protect it.")]
public static class ContentHash
{
    /// <summary>Characters of a hash.</summary>
    public const int Length = 26;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The hash of <paramref name="content"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(content, digest);
        return Encode(digest);
    }

    /// <summary>The hash of a stream read to its end.</summary>
    public static string Compute(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Encode(MD5.HashData(content));
    }

    /// <summary>Asynchronous <see cref="Compute(Stream)"/>.</summary>
    public static async Task<string> ComputeAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Encode(await MD5.HashDataAsync(content, ct).ConfigureAwait(false));
    }

    /// <summary>Whether <paramref name="text"/> has the form of a hash (26 lowercase base32 characters).</summary>
    public static bool IsValid(string? text) => text is { Length: Length } && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>Base32 of an MD5 digest, lowercase, padding dropped.</summary>
    internal static string Encode(ReadOnlySpan<byte> digest)
    {
        var chars = new char[(digest.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in digest)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0) chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars, 0, index);
    }
}
