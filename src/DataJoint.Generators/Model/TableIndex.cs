using System.Collections.Generic;
using System.Collections.Immutable;

namespace DataJoint.Generators.Model;

/// <summary>
/// Every table of the compilation, by full name. Equatable by content, so the pipeline step that builds it is
/// cached, and built once per compilation rather than once per table.
/// </summary>
internal sealed class TableIndex : System.IEquatable<TableIndex>
{
    private readonly EquatableArray<TableModel> _tables;

    public TableIndex(ImmutableArray<TableModel> tables)
    {
        _tables = new EquatableArray<TableModel>(tables);
        var byFullName = new Dictionary<string, TableModel>(tables.Length);
        foreach (var table in tables) byFullName[table.FullName] = table;
        ByFullName = byFullName;
    }

    public IReadOnlyDictionary<string, TableModel> ByFullName { get; }

    public IEnumerable<TableModel> Tables => _tables;

    public bool Equals(TableIndex? other) => other is not null && _tables.Equals(other._tables);

    public override bool Equals(object? obj) => Equals(obj as TableIndex);

    public override int GetHashCode() => _tables.GetHashCode();
}
