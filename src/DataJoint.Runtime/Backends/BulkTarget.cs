namespace DataJoint;

/// <summary>
/// What one bulk load writes: the table's quoted full name, the columns it fills and, for each, the index of its value in
/// the row arrays (rows hold every heading attribute; columns left to their defaults are not loaded at all).
/// </summary>
internal sealed record BulkTarget(string QualifiedName, IReadOnlyList<HeadingAttribute> Columns, IReadOnlyList<int> Ordinals)
{
    /// <summary>What the load is doing, for error messages.</summary>
    public string Context(int rows, string method) => $"Bulk-inserting {rows} rows into {QualifiedName} ({method})";
}
