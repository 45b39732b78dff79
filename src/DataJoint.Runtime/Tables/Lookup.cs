namespace DataJoint;

/// <summary>
/// A table of reference values declared with its contents (SQL name prefixed with <c>#</c>). The
/// <see cref="Contents"/> are inserted, skipping duplicates, when the table is bound and has fewer rows than contents.
/// </summary>
public abstract class Lookup : UserTable
{
    /// <summary>The rows (Row records, anonymous objects or dictionaries) the table always holds.</summary>
    protected virtual IEnumerable<object> Contents => [];

    internal IEnumerable<object> DeclaredContents => Contents;
}
