namespace DataJoint;

/// <summary>
/// A value that lists attribute values by SQL name without reflection. Generated <c>Row</c> and <c>Key</c>
/// types implement it, so they work as restrictions and as untyped insert rows.
/// </summary>
public interface IRecord
{
    /// <summary>The attribute values by SQL attribute name.</summary>
    IEnumerable<KeyValuePair<string, object?>> GetAttributeValues();
}
