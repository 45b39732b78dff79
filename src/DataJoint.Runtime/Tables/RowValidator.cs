namespace DataJoint;

/// <summary>
/// Checks rows against a table's heading without the server (DataJoint's <c>validate</c>): the row's shape, unknown and
/// missing attributes, NULLs where none is allowed, primary-key completeness, and each value by <see cref="ValueRules"/>.
/// Foreign keys and unique indexes are the server's to check.
/// </summary>
internal sealed class RowValidator(Table table, bool ignoreExtraFields)
{
    private readonly Heading _heading = table.Heading;
    private readonly BackendAdapter _adapter = table.Connection.Adapter;
    private readonly List<ValidationError> _errors = [];

    public ValidationResult Validate(IEnumerable<object> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var index = 0;
        foreach (var row in rows)
        {
            if (Read(row, index) is { } values) CheckValues(values, index);
            index++;
        }

        return new ValidationResult(table.FullTableName, _errors, index);
    }

    /// <summary>The row's values by attribute name (only those it gives), or null when its shape is already a problem.</summary>
    private Dictionary<string, object?>? Read(object? row, int index)
    {
        var names = _heading.Names;
        if (row is object?[] positional)
        {
            if (positional.Length == names.Count) return names.Zip(positional).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            Problem(index, null, $"has {positional.Length} values in heading order; {table.FullTableName} has {names.Count} attributes ({string.Join(", ", names)})");
            return null;
        }

        if (row is null || RecordValues.TryRead(row) is not { } pairs)
        {
            Problem(index, null, $"is {(row is null ? "null" : "a " + row.GetType().Name)}, not a row: use a Row record, an anonymous object, a dictionary "
                + "or an object?[] in heading order");
            return null;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (_heading.Contains(name)) values[name] = value;
            else if (!ignoreExtraFields) Problem(index, name, $"is not an attribute of {table.FullTableName} ({string.Join(", ", names)}); pass ignoreExtraFields: true to drop it");
        }

        return values;
    }

    private void CheckValues(Dictionary<string, object?> values, int index)
    {
        foreach (var attribute in _heading.Attributes)
        {
            var given = values.TryGetValue(attribute.Name, out var value);
            var missing = !given || value is null or DBNull || ValueRules.IsMissingNumber(attribute, value);
            if (missing)
            {
                if (MissingProblem(attribute, given) is { } why) Problem(index, attribute.Name, why);
                continue;
            }

            if ((ValueRules.Refusal(attribute, value!, _adapter) ?? ValueRules.Mismatch(attribute, value!)) is { } problem)
            {
                Problem(index, attribute.Name, $"the value {ValueRules.Describe(value!)} {problem}");
            }
        }
    }

    /// <summary>Why leaving the attribute out (or NULL) is a problem, or null when the server fills it in.</summary>
    private static string? MissingProblem(HeadingAttribute attribute, bool given)
    {
        var absent = given ? "is NULL" : "is missing";
        if (IsGeneratedByServer(attribute)) return null;
        if (attribute.InKey) return $"primary-key attribute {absent}";
        if (attribute.Nullable || attribute.DefaultValue is not null) return null;
        return given ? $"is NULL, which the required attribute ({attribute.Type}, no default) does not allow" : $"required attribute ({attribute.Type}, no default) {absent}";
    }

    // A native auto-increment column takes its value from the server when none is given.
    private static bool IsGeneratedByServer(HeadingAttribute attribute) =>
        attribute.Spec.Category == Definition.TypeCategory.Native
        && (attribute.Type.Contains("auto_increment", StringComparison.OrdinalIgnoreCase) || attribute.Type.Contains("serial", StringComparison.OrdinalIgnoreCase));

    private void Problem(int index, string? attribute, string message) => _errors.Add(new ValidationError(index, attribute, message));
}
