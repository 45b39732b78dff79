namespace DataJoint;

/// <summary>The tier of a table, which fixes its SQL name prefix and who writes its rows.</summary>
public enum TableTier
{
    /// <summary>Rows entered by users; no prefix.</summary>
    Manual,

    /// <summary>Reference contents declared with the table; prefix <c>#</c>.</summary>
    Lookup,

    /// <summary>Rows imported from outside by <c>Make</c>; prefix <c>_</c>.</summary>
    Imported,

    /// <summary>Rows computed from upstream tables by <c>Make</c>; prefix <c>__</c>.</summary>
    Computed,

    /// <summary>Detail rows of a master table; named <c>master__part</c>.</summary>
    Part,
}
