namespace DataJoint;

/// <summary>
/// Paths inside a store are relative, <c>/</c>-separated and stay inside it: no leading <c>/</c>, no empty,
/// <c>.</c> or <c>..</c> segment, no backslash or control character.
/// </summary>
internal static class StorePath
{
    public static string Check(string store, string path, string what = "path")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Problem(path) is { } problem)
        {
            throw new StorageException(store, path, $"The {what} '{path}' is not a valid path in store '{store}': {problem}. "
                + "Store paths are relative, '/'-separated and stay inside the store.");
        }

        return path;
    }

    /// <summary>A folder prefix: empty for the whole store, else a valid path (a trailing '/' is dropped).</summary>
    public static string CheckFolder(string store, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var trimmed = folder.EndsWith('/') ? folder[..^1] : folder;
        return trimmed.Length == 0 ? "" : Check(store, trimmed, "folder");
    }

    private static string? Problem(string path)
    {
        if (path.Length == 0) return "it is empty";
        if (path[0] == '/') return "it is absolute";
        if (path.Contains('\\', StringComparison.Ordinal)) return "it contains a backslash";
        if (path.Any(char.IsControl)) return "it contains a control character";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) return "it has an empty segment";
            if (segment is "." or "..") return $"it has a '{segment}' segment";
        }

        return null;
    }
}
