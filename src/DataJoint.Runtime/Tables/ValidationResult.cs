namespace DataJoint;

/// <summary>
/// What <see cref="Table.Validate(IEnumerable{object}, bool)"/> found (DataJoint's <c>ValidationResult</c>): every problem
/// of every row, in row order, and how many rows were checked.
/// </summary>
public sealed class ValidationResult
{
    private const int ProblemsInSummary = 10;

    internal ValidationResult(string table, IReadOnlyList<ValidationError> errors, int rowsChecked)
    {
        Table = table;
        Errors = errors;
        RowsChecked = rowsChecked;
    }

    /// <summary>The full name of the table the rows were checked against.</summary>
    public string Table { get; }

    /// <summary>True when no row has a problem.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every problem found, by row and then attribute in heading order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The number of rows checked.</summary>
    public int RowsChecked { get; }

    /// <summary>One line for the outcome and, when invalid, one per problem (the first ten, then how many more).</summary>
    public string Summary()
    {
        if (IsValid) return $"Validation passed: {RowsChecked} rows checked against {Table}";
        var lines = new List<string> { $"Validation failed: {Errors.Count} error(s) in {RowsChecked} rows for {Table}" };
        lines.AddRange(Errors.Take(ProblemsInSummary).Select(e => "  " + e));
        if (Errors.Count > ProblemsInSummary) lines.Add($"  ... and {Errors.Count - ProblemsInSummary} more errors");
        return string.Join('\n', lines);
    }

    /// <summary>Throws when a row has a problem (DataJoint's <c>raise_if_invalid</c>).</summary>
    /// <exception cref="DataJointException">Some row has a problem; the message is <see cref="Summary"/>.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new DataJointException(Summary());
    }

    /// <inheritdoc/>
    public override string ToString() => Summary();
}
