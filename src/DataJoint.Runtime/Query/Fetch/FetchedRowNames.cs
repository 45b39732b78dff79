namespace DataJoint;

/// <summary>The attribute names of a fetch's rows, in heading order, with their ordinals looked up once per fetch.</summary>
internal sealed class FetchedRowNames
{
    private readonly Dictionary<string, int> _ordinals;

    public FetchedRowNames(IReadOnlyList<string> names)
    {
        Names = names;
        _ordinals = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) _ordinals[names[i]] = i;
    }

    public IReadOnlyList<string> Names { get; }

    public bool TryGetOrdinal(string name, out int ordinal) => _ordinals.TryGetValue(name, out ordinal);
}
