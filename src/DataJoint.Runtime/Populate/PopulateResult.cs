namespace DataJoint;

/// <summary>What a populate call did: keys made, and the errors of the keys that failed (when errors are suppressed).</summary>
/// <param name="SuccessCount">Number of keys whose Make committed.</param>
/// <param name="Errors">The failed keys with their exceptions.</param>
public sealed record PopulateResult(int SuccessCount, IReadOnlyList<PopulateError> Errors);
