namespace DataJoint;

/// <summary>The table a bulk load writes to: its quoted full name and the columns the rows give, in row order.</summary>
internal sealed record BulkTarget(string QualifiedName, IReadOnlyList<HeadingAttribute> Columns)
{
    /// <summary>What the load is doing, for error messages.</summary>
    public string Context(int rows, string method) => $"Bulk-inserting {rows} rows into {QualifiedName} ({method})";
}
