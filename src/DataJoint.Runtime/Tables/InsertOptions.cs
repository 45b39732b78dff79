namespace DataJoint;

/// <summary>How an insert treats existing keys, extra fields and auto-populated tables.</summary>
internal readonly record struct InsertOptions(bool SkipDuplicates, bool IgnoreExtraFields, bool Replace, bool AllowDirectInsert);
