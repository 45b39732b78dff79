using System.Globalization;
using System.Text.Json;

namespace DataJoint;

/// <summary>
/// One store's validated settings (DataJoint's <c>get_store_spec</c>): the configured keys with DataJoint's defaults
/// applied (<c>token_length</c> 8, <c>hash_prefix</c> <c>_hash</c>, <c>schema_prefix</c> <c>_schema</c>, and the
/// protocol's own, e.g. s3 <c>secure</c> true). Built by <see cref="Stores.Spec(string?, bool)"/>; reading it does no I/O.
/// </summary>
public sealed class StoreSpec
{
    private readonly Dictionary<string, object?> values;

    internal StoreSpec(string name, string protocol, Dictionary<string, object?> values)
    {
        Name = name;
        Protocol = protocol;
        this.values = values;
    }

    /// <summary>The store's name, the key under <c>stores</c>.</summary>
    public string Name { get; }

    /// <summary>The protocol, lowercase (<c>file</c>, <c>s3</c>, or a registered <see cref="StorageProtocol"/>).</summary>
    public string Protocol { get; }

    /// <summary>Every key of the store after defaults, secrets included (never printed by this type).</summary>
    public IReadOnlyDictionary<string, object?> Values => values;

    /// <summary><c>location</c>: the root folder (file) or the key prefix inside the bucket (s3).</summary>
    public string Location => GetString("location") ?? "";

    /// <summary><c>subfolding</c>: folder levels cut from a content hash (e.g. [2, 2]), or null for a flat section.</summary>
    public IReadOnlyList<int>? Subfolding => ParseSubfolding(Name, values.GetValueOrDefault("subfolding"));

    /// <summary><c>partition_pattern</c> for schema-addressed paths, or null.</summary>
    public string? PartitionPattern => GetString("partition_pattern");

    /// <summary><c>token_length</c>: random characters in schema-addressed file names (default 8).</summary>
    public int TokenLength => GetInt("token_length") ?? 8;

    /// <summary><c>hash_prefix</c>: the content-addressed section (default <c>_hash</c>).</summary>
    public string HashPrefix => GetString("hash_prefix") ?? "_hash";

    /// <summary><c>schema_prefix</c>: the schema-addressed section (default <c>_schema</c>).</summary>
    public string SchemaPrefix => GetString("schema_prefix") ?? "_schema";

    /// <summary><c>filepath_prefix</c>: the only section <c>&lt;filepath@&gt;</c> paths may point into, or null for anywhere.</summary>
    public string? FilepathPrefix => GetString("filepath_prefix");

    /// <summary><c>stage</c>: a local staging folder, or null.</summary>
    public string? Stage => GetString("stage");

    /// <summary>A text setting, or null when it is absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not text.</exception>
    public string? GetString(string key) => values.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s,
        var other => throw Invalid(key, other, "text"),
    };

    /// <summary>A text setting that must be present and non-empty.</summary>
    /// <exception cref="ConfigurationException">The value is missing, empty or not text.</exception>
    public string RequireString(string key) => GetString(key) is { Length: > 0 } s
        ? s
        : throw new ConfigurationException($"stores[\"{Name}\"].{key} is missing or empty; the {Protocol} protocol needs it.");

    /// <summary>A boolean setting (JSON true/false, or the text "true"/"false" from a secrets file), or null when absent.</summary>
    /// <exception cref="ConfigurationException">The value is not a boolean.</exception>
    public bool? GetBool(string key) => values.GetValueOrDefault(key) switch
    {
        null => null,
        bool b => b,
        string s when Setting.ParseBool(s) is { } parsed => parsed,
        var other => throw Invalid(key, other, "a boolean"),
    };

    /// <summary>An integer setting, or null when absent.</summary>
    /// <exception cref="ConfigurationException">The value is not an integer.</exception>
    public int? GetInt(string key) => values.GetValueOrDefault(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw Invalid(key, other, "an integer"),
    };

    /// <summary>Names the store and its protocol, never a credential.</summary>
    public override string ToString() => $"StoreSpec({Name}, {Protocol}, location={Location})";

    internal ConfigurationException Invalid(string key, object? value, string expected) =>
        new($"stores[\"{Name}\"].{key} must be {expected}, not {Describe(key, value)}.");

    private static string Describe(string key, object? value) =>
        key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("key", StringComparison.OrdinalIgnoreCase)
            ? $"a {value?.GetType().Name ?? "null"}"
            : $"'{value}' ({value?.GetType().Name ?? "null"})";

    internal static IReadOnlyList<int>? ParseSubfolding(string store, object? value)
    {
        var levels = value switch
        {
            null => null,
            string text => FromJsonText(store, text),
            System.Collections.IEnumerable sequence => FromSequence(store, sequence),
            _ => throw SubfoldingError(store, value),
        };
        if (levels is null || levels.Count == 0) return null;
        if (levels.Any(l => l <= 0)) throw SubfoldingError(store, value);
        return levels;
    }

    private static List<int> FromJsonText(string store, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw SubfoldingError(store, text);
            return document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i) ? i : throw SubfoldingError(store, text))
                .ToList();
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"stores[\"{store}\"].subfolding must be a list of positive integers such as [2, 2], not '{text}'.", ex);
        }
    }

    private static List<int> FromSequence(string store, System.Collections.IEnumerable sequence)
    {
        var levels = new List<int>();
        foreach (var item in sequence)
        {
            levels.Add(item switch
            {
                int i => i,
                long l when l is > 0 and <= int.MaxValue => (int)l,
                double d when d == Math.Floor(d) && d is > 0 and <= int.MaxValue => (int)d,
                _ => throw SubfoldingError(store, sequence),
            });
        }

        return levels;
    }

    private static ConfigurationException SubfoldingError(string store, object? value) =>
        new($"stores[\"{store}\"].subfolding must be a list of positive integers such as [2, 2], not '{value}'.");
}
