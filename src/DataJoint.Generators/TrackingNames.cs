namespace DataJoint.Generators;

/// <summary>Names of the pipeline steps, so tests can check what was cached.</summary>
internal static class TrackingNames
{
    public const string Tables = nameof(Tables);
    public const string AllTables = nameof(AllTables);
    public const string Codecs = nameof(Codecs);
    public const string Resolved = nameof(Resolved);
}
