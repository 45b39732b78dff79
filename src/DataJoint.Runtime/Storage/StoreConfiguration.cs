namespace DataJoint;

/// <summary>
/// Reads <see cref="Config.Stores"/> as DataJoint's <c>get_store_spec</c> does: picks the default store when no name
/// is given, copies the store's keys, applies the common and protocol defaults, and checks the protocol, required
/// and unknown keys, and that the section prefixes do not overlap. Pure: no I/O.
/// </summary>
internal static class StoreConfiguration
{
    public const string DefaultKey = "default";
    public const string FilepathDefaultKey = "filepath_default";

    /// <summary>
    /// The one place a declared store name is normalised: <c>&lt;x@&gt;</c> (empty) and a missing name both mean the
    /// default store, so both are null here.
    /// </summary>
    public static string? NormalizeName(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    /// <summary>The store a (normalised) name refers to: the name itself, or <c>stores.default</c> / <c>stores.filepath_default</c>.</summary>
    public static string ResolveName(Config config, string? name, bool useFilepathDefault)
    {
        if (NormalizeName(name) is { } given)
        {
            if (given is DefaultKey or FilepathDefaultKey)
            {
                throw new ConfigurationException($"'stores.{given}' names the default store; it is not a store. Use the store it names, "
                    + "or leave the store out (<x@>) for the default.");
            }

            return given;
        }

        var key = useFilepathDefault ? FilepathDefaultKey : DefaultKey;
        if (!config.Stores.TryGetValue(key, out var value) || value is null)
        {
            throw new ConfigurationException(useFilepathDefault
                ? "stores.filepath_default is not configured. Set stores.filepath_default or name the store explicitly with <filepath@store>."
                : "stores.default is not configured. Set stores.default to a store's name, or name the store explicitly (<type@store>).");
        }

        return value as string is { Length: > 0 } s
            ? s
            : throw new ConfigurationException($"stores.{key} must be a store's name (text), not '{value}'.");
    }

    public static StoreSpec Resolve(Config config, string? name, bool useFilepathDefault, StorageProtocols protocols)
    {
        var store = ResolveName(config, name, useFilepathDefault);
        if (!config.Stores.TryGetValue(store, out var entry))
        {
            var configured = config.Stores.Keys.Where(k => k is not DefaultKey and not FilepathDefaultKey).Order(StringComparer.Ordinal).ToList();
            throw new ConfigurationException($"Store '{store}' is requested but not configured in stores"
                + (configured.Count == 0 ? " (no stores are configured)." : $" (configured: {string.Join(", ", configured)})."));
        }

        var values = Copy(store, entry);
        ApplyCommonDefaults(values);
        var protocolName = values.GetValueOrDefault("protocol") switch
        {
            null => throw new ConfigurationException($"stores[\"{store}\"] is missing: protocol (one of {string.Join(", ", protocols.Names)})."),
            string s => s.Trim().ToLowerInvariant(),
            var other => throw new ConfigurationException($"stores[\"{store}\"].protocol must be text, not '{other}'."),
        };
        var protocol = protocols.Require(store, protocolName);
        protocol.ApplyDefaults(values);

        var missing = protocol.RequiredKeys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw new ConfigurationException($"stores[\"{store}\"] is missing: {string.Join(", ", missing)}.");
        var allowed = new HashSet<string>(StorageProtocol.CommonKeys.Concat(protocol.AllowedKeys), StringComparer.Ordinal);
        var invalid = values.Keys.Where(k => !allowed.Contains(k)).ToList();
        if (invalid.Count > 0)
        {
            throw new ConfigurationException($"Invalid key(s) in stores[\"{store}\"]: {string.Join(", ", invalid)}. "
                + $"A {protocolName} store takes {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
        }

        var spec = new StoreSpec(store, protocolName, values);
        CheckCommonValues(spec);
        protocol.Validate(spec);
        return spec;
    }

    private static Dictionary<string, object?> Copy(string store, object? entry) => entry switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        IEnumerable<KeyValuePair<string, string>> texts => texts.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
        _ => throw new ConfigurationException($"stores[\"{store}\"] must be an object of store settings (protocol, location, ...), not '{entry}'."),
    };

    private static void ApplyCommonDefaults(Dictionary<string, object?> values)
    {
        values.TryAdd("subfolding", null);
        values.TryAdd("partition_pattern", null);
        values.TryAdd("token_length", 8);
        values.TryAdd("hash_prefix", "_hash");
        values.TryAdd("schema_prefix", "_schema");
        values.TryAdd("filepath_prefix", null);
    }

    private static void CheckCommonValues(StoreSpec spec)
    {
        _ = spec.Subfolding;
        _ = spec.PartitionPattern;
        _ = spec.Stage;
        if (spec.TokenLength <= 0) throw spec.Invalid("token_length", spec.TokenLength, "a positive integer");
        CheckPrefixesApart(spec);
    }

    // Each section owns its prefix: garbage collection scans one section, so none may contain another.
    private static void CheckPrefixesApart(StoreSpec spec)
    {
        var prefixes = new List<(string Key, string Value)>();
        foreach (var key in (string[])["hash_prefix", "schema_prefix", "filepath_prefix"])
        {
            if (spec.GetString(key) is { Length: > 0 } value) prefixes.Add((key, value));
        }

        for (var i = 0; i < prefixes.Count; i++)
        {
            for (var j = i + 1; j < prefixes.Count; j++)
            {
                var a = prefixes[i].Value.Trim('/') + "/";
                var b = prefixes[j].Value.Trim('/') + "/";
                if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal))
                {
                    throw new ConfigurationException($"stores[\"{spec.Name}\"]: {prefixes[i].Key}=\"{prefixes[i].Value}\" and "
                        + $"{prefixes[j].Key}=\"{prefixes[j].Value}\" overlap. Storage section prefixes must be mutually exclusive.");
                }
            }
        }
    }
}
