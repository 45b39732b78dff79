using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DataJoint;

/// <summary>
/// The schema-addressed path of an <c>&lt;object@&gt;</c>/<c>&lt;npy@&gt;</c> value, as DataJoint-Python's
/// <c>build_object_path</c> writes it: <c>{schema_prefix}/{partition attrs}/{schema}/{table}/{other key attrs}/{field}_{token}{ext}</c>,
/// key attributes as <c>name=value</c>, the token random from DataJoint's URL-safe alphabet.
/// </summary>
internal static partial class ObjectPath
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string Build(StoreSpec spec, string schema, string table, string field, IReadOnlyList<(string Name, object? Value)> key, string? ext)
    {
        var filename = field + "_" + Token(spec.TokenLength);
        if (!string.IsNullOrEmpty(ext)) filename += ext.StartsWith('.') ? ext : "." + ext;
        var partition = spec.PartitionPattern is { } pattern
            ? PartitionAttribute().Matches(pattern).Select(m => m.Groups[1].Value).ToList()
            : [];
        var parts = new List<string>();
        var prefix = spec.SchemaPrefix.Trim('/');
        if (prefix.Length > 0) parts.Add(prefix);
        foreach (var name in partition)
        {
            foreach (var (attribute, value) in key)
            {
                if (attribute == name) parts.Add($"{attribute}={Encode(value)}");
            }
        }

        parts.Add(schema);
        parts.Add(table);
        parts.AddRange(key.Where(k => !partition.Contains(k.Name)).Select(k => $"{k.Name}={Encode(k.Value)}"));
        parts.Add(filename);
        return string.Join('/', parts);
    }

    private static string Token(int length)
    {
        length = Math.Clamp(length, 4, 16);
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = TokenAlphabet[RandomNumberGenerator.GetInt32(TokenAlphabet.Length)];
        });
    }

    /// <summary>A key value in a path as DataJoint's <c>encode_pk_value</c> writes it.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
        Justification = "DataJoint shortens long key values with an MD5 suffix; it names, it does not protect.")]
    internal static string Encode(object? value)
    {
        switch (value)
        {
            case sbyte or byte or short or ushort or int or uint or long or ulong:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case double d:
                return PythonFloat.Repr(d);
            case float f:
                return PythonFloat.Repr(f);
            case decimal:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case DateTime d:
                return d.ToString("yyyy-MM-dd'T'HH-mm-ss", CultureInfo.InvariantCulture);
            case DateOnly d:
                return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var s = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "None";
        if (s.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0 && s.Length <= 100) return s;
        if (s.Length > 100)
        {
            var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
            s = s[..50] + "_" + hash[..8];
        }

        return Uri.EscapeDataString(s);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PartitionAttribute();
}
