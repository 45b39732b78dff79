namespace DataJoint;

/// <summary>
/// DataJoint's <c>dj.Top</c> as a restriction: <c>q &amp; new Top(5, "credits DESC")</c> orders and pages the
/// result. A Top cannot be nested inside OR/AND lists or negated.
/// </summary>
/// <param name="Limit">Maximum number of rows; null for no limit.</param>
/// <param name="OrderBy">Comma-separated attributes with optional ASC/DESC; <c>KEY</c> expands to the primary key.</param>
/// <param name="Offset">Rows to skip.</param>
public sealed record Top(int? Limit = 1, string? OrderBy = "KEY", int Offset = 0);
