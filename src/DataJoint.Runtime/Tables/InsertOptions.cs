namespace DataJoint;

/// <summary>How an insert treats existing keys, extra fields and auto-populated tables (all off by default).</summary>
/// <param name="SkipDuplicates">Silently skip rows whose primary key exists.</param>
/// <param name="IgnoreExtraFields">Ignore values for attributes the table does not have (otherwise an error).</param>
/// <param name="Replace">Replace rows whose primary key exists.</param>
/// <param name="AllowDirectInsert">Allow inserting into an auto-populated table outside <c>Make</c>.</param>
public sealed record InsertOptions(bool SkipDuplicates = false, bool IgnoreExtraFields = false, bool Replace = false, bool AllowDirectInsert = false)
{
    /// <summary>No option set.</summary>
    public static InsertOptions Default { get; } = new();
}
