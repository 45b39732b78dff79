namespace DataJoint;

/// <summary>A secondary index of an existing table.</summary>
/// <param name="Columns">Indexed columns (or expressions) in order.</param>
/// <param name="Unique">A unique index.</param>
internal sealed record ExistingIndex(IReadOnlyList<string> Columns, bool Unique);
