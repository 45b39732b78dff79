using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// DataJoint's naming rules read backwards (docs/semantics.md#naming): from a SQL table name to its tier and to the class
/// name DataJoint gives it (<c>#stimulus_kind</c> → <c>StimulusKind</c>, <c>session__trial</c> → <c>Session.Trial</c>).
/// </summary>
internal static class TableNames
{
    /// <summary>The tier a table's SQL name gives (a name with <c>__</c> after its prefix is a part).</summary>
    public static TableTier TierOf(string tableName)
    {
        var (prefix, rest) = SplitPrefix(tableName);
        if (rest.Contains("__", StringComparison.Ordinal)) return TableTier.Part;
        return prefix switch
        {
            "#" => TableTier.Lookup,
            "__" => TableTier.Computed,
            "_" => TableTier.Imported,
            _ => TableTier.Manual,
        };
    }

    /// <summary>The class name: <c>Master.Part</c> for a part table.</summary>
    public static string ClassNameOf(string tableName) =>
        string.Join(".", SplitPrefix(tableName).Remainder.Split("__").Select(Naming.SnakeToPascal));

    /// <summary>The SQL name of the master of a part table (its prefix kept); null for a table that is not a part.</summary>
    public static string? MasterOf(string tableName)
    {
        var (prefix, rest) = SplitPrefix(tableName);
        var split = rest.IndexOf("__", StringComparison.Ordinal);
        return split < 0 ? null : prefix + rest[..split];
    }

    /// <summary>Whether the name is one of DataJoint's own tables (<c>~lineage</c>, <c>~~jobs</c>), not a user table.</summary>
    public static bool IsInternal(string tableName) => tableName.StartsWith('~');

    private static (string Prefix, string Remainder) SplitPrefix(string tableName) =>
        tableName.StartsWith('#') ? ("#", tableName[1..])
        : tableName.StartsWith("__", StringComparison.Ordinal) ? ("__", tableName[2..])
        : tableName.StartsWith('_') ? ("_", tableName[1..])
        : ("", tableName);
}
