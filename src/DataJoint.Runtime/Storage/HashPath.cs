namespace DataJoint;

/// <summary>
/// Where a content-addressed object lives in its store (<c>hash_registry.build_hash_path</c>):
/// <c>{hash_prefix}/{schema}/{hash}</c>, or with subfolding [2, 2] <c>{hash_prefix}/{schema}/ab/cd/{hash}</c>
/// (the folders are the hash's leading characters). An empty prefix puts the schema folder at the store's root.
/// </summary>
public static class HashPath
{
    /// <summary>The store-relative path of <paramref name="hash"/> for <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentException">The hash is not 26 lowercase base32 characters.</exception>
    public static string Build(string hash, string schema, IReadOnlyList<int>? subfolding, string hashPrefix)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(hashPrefix);
        if (!ContentHash.IsValid(hash)) throw new ArgumentException($"Invalid content hash (expected 26-char lowercase base32): {hash}", nameof(hash));
        var section = hashPrefix.Trim('/');
        var path = section.Length == 0 ? schema : section + "/" + schema;
        if (subfolding is { Count: > 0 }) path += "/" + string.Join('/', Subfold(hash, subfolding));
        return path + "/" + hash;
    }

    /// <summary>The folder names cut from the front of <paramref name="name"/>, one per level (as Python slices: short when it runs out).</summary>
    public static IReadOnlyList<string> Subfold(string name, IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(levels);
        var folders = new List<string>(levels.Count);
        var start = 0;
        foreach (var level in levels)
        {
            var from = Math.Min(start, name.Length);
            folders.Add(name.Substring(from, Math.Min(level, name.Length - from)));
            start += level;
        }

        return folders;
    }
}
