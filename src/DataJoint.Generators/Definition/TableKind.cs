namespace DataJoint.Definition;

/// <summary>
/// A table's tier (docs/semantics.md#tiers), named as its base class and as the runtime's public <c>TableTier</c>, so the
/// generator writes <c>TableTier.{kind}</c> by name.
/// </summary>
internal enum TableKind
{
    Manual,
    Lookup,
    Imported,
    Computed,
    Part,
}

/// <summary>Questions the generator asks of a tier.</summary>
internal static class TableKinds
{
    /// <summary>Imported and Computed tables: their rows come from <c>Make</c> during populate.</summary>
    public static bool IsAutoPopulated(this TableKind kind) => kind is TableKind.Imported or TableKind.Computed;
}
