namespace DataJoint;

/// <summary>
/// The hash sections one operation (an insert's batch, a fetch) uses, each resolved once: <see cref="Stores.Hash"/>
/// validates the store's settings on every call, as they may change between operations, which costs more than the
/// read or write of a small object when done per row.
/// </summary>
internal sealed class HashSections(Stores stores)
{
    private string? lastName;
    private HashSection? last;

    /// <summary>The section of the named store (null or empty: the default store), as <see cref="Stores.Hash"/> gives it.</summary>
    /// <exception cref="ConfigurationException">The store is not configured or its settings are invalid.</exception>
    public HashSection Get(string? name)
    {
        if (last is not null && string.Equals(name, lastName, StringComparison.Ordinal)) return last;
        var section = stores.Hash(name);
        (lastName, last) = (name, section);
        return section;
    }
}
