namespace DataJoint;

/// <summary>One problem <see cref="Table.Validate(IEnumerable{object}, bool)"/> found (DataJoint's <c>(row_index, field, message)</c>).</summary>
/// <param name="RowIndex">The 0-based position of the row in the rows given.</param>
/// <param name="Attribute">The attribute the problem is about; null for a problem with the row as a whole.</param>
/// <param name="Message">What is wrong and what the table expects.</param>
public sealed record ValidationError(int RowIndex, string? Attribute, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Attribute is null ? $"Row {RowIndex}: {Message}" : $"Row {RowIndex}, `{Attribute}`: {Message}";
}
