using DataJoint.Definition;

namespace DataJoint.Generators.Model;

/// <summary>
/// One <c>[Definition]</c> class as the syntax step sees it: names, tier, parsed definition and the locations
/// its diagnostics need. Plain values only, so the generator caches it.
/// </summary>
internal sealed record TableModel(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    string FullName,
    string Tier,
    string Accessibility,
    string Comment,
    EquatableArray<ItemModel> Items,
    EquatableArray<DiagnosticInfo> Diagnostics,
    LocationInfo ClassLocation)
{
    /// <summary>The C# name with <c>global::</c>.</summary>
    public string GlobalName => "global::" + FullName;

    /// <summary>The enclosing type's full name (the master, for a part).</summary>
    public string? ContainingFullName => ContainingTypes.Count == 0
        ? null
        : (Namespace.Length == 0 ? "" : Namespace + ".") + string.Join(".", ContainingTypes);

    public bool IsPart => Tier == "Part";
}

/// <summary>An attribute, foreign key or index line, with the location of its important token.</summary>
internal sealed record ItemModel(
    DefinitionItemKind Kind,
    bool InKey,
    string Name,
    string? Default,
    string Type,
    string Comment,
    bool Nullable,
    bool Unique,
    EquatableArray<string> Renames,
    EquatableArray<string> Columns,
    LocationInfo? Location);

internal enum DefinitionItemKind
{
    Attribute,
    ForeignKey,
    Index,
}
