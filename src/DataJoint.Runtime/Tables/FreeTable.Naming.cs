namespace DataJoint;

public sealed partial class FreeTable
{
    /// <summary>
    /// The class name DataJoint gives this table from its SQL name (<c>#stimulus_kind</c> → <c>StimulusKind</c>,
    /// <c>session__trial</c> → <c>Session.Trial</c>); no I/O.
    /// </summary>
    public string ClassName => TableNames.ClassNameOf(SqlTableName);

    /// <summary>The tier this table's SQL name gives (its prefix; a <c>__</c> after it makes a part); no I/O.</summary>
    public TableTier Tier => TableNames.TierOf(SqlTableName);
}
