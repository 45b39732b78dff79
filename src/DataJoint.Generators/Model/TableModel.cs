using DataJoint.Definition;

namespace DataJoint.Generators.Model;

/// <summary>
/// One <c>[Definition]</c> class as the syntax step sees it: names, tier, parsed definition and, for the analyzer,
/// the locations its diagnostics need. Plain values only, so the generator caches it; the generator builds it
/// without locations so that moving text around a table does not invalidate its model.
/// </summary>
internal sealed record TableModel(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    string FullName,
    TableKind Tier,
    string Accessibility,
    string Comment,
    EquatableArray<ItemModel> Items,
    EquatableArray<DiagnosticInfo> Diagnostics,
    LocationInfo? ClassLocation)
{
    /// <summary>Generated methods that hide a base-class method and so are emitted with <c>new</c> (<see cref="HiddenBaseMembers"/>).</summary>
    public EquatableArray<string> HiddenBaseMembers { get; init; }

    /// <summary>The C# name with <c>global::</c>.</summary>
    public string GlobalName => "global::" + FullName;

    /// <summary>The enclosing type's full name (the master, for a part).</summary>
    public string? ContainingFullName => ContainingTypes.Count == 0
        ? null
        : (Namespace.Length == 0 ? "" : Namespace + ".") + string.Join(".", ContainingTypes);

    public bool IsPart => Tier == TableKind.Part;

    /// <summary>True when the class itself is unusable (not partial, wrong base, no constant definition): nothing is emitted.</summary>
    public bool BlocksEmission
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.Id is DiagnosticIds.NotPartial or DiagnosticIds.WrongBase or DiagnosticIds.NonConstantDefinition or DiagnosticIds.Internal) return true;
            }

            return false;
        }
    }
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
    EquatableArray<RenameModel> Renames,
    EquatableArray<IndexColumnModel> Columns,
    LocationInfo? Location);

/// <summary><c>new_name='old_name'</c> in a foreign key's <c>.proj(...)</c>.</summary>
internal sealed record RenameModel(string NewName, string OldName, LocationInfo? Location);

/// <summary>One index item; <see cref="Attribute"/> is null for an expression.</summary>
internal sealed record IndexColumnModel(string Text, string? Attribute, LocationInfo? Location);

internal enum DefinitionItemKind
{
    Attribute,
    ForeignKey,
    Index,
}
