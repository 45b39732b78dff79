namespace DataJoint;

/// <summary>A key whose Make failed, and why.</summary>
/// <param name="Key">The key (the table's generated <c>Key</c> record).</param>
/// <param name="Exception">What Make (or the commit) threw.</param>
public sealed record PopulateError(IRecord Key, Exception Exception);
