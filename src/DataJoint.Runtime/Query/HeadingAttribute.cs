using DataJoint.Definition;

namespace DataJoint;

/// <summary>One attribute of a query's heading.</summary>
public sealed record HeadingAttribute
{
    internal HeadingAttribute(string name, string type, bool inKey, bool nullable, string? defaultValue, string comment, string? lineage)
    {
        Name = name;
        Type = type;
        InKey = inKey;
        Nullable = nullable;
        DefaultValue = defaultValue;
        Comment = comment;
        Lineage = lineage;
        Spec = TypeClassifier.Classify(type) ?? new TypeSpec(TypeCategory.Native, type) { NativeClrType = "object" };
    }

    /// <summary>Attribute name.</summary>
    public string Name { get; init; }

    /// <summary>DataJoint type (core type or codec as declared; the SQL type for native columns).</summary>
    public string Type { get; init; }

    /// <summary>Part of the primary key of the query result.</summary>
    public bool InKey { get; init; }

    /// <summary>May be NULL.</summary>
    public bool Nullable { get; init; }

    /// <summary>Default as declared, or null when required.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Attribute comment.</summary>
    public string Comment { get; init; }

    /// <summary>
    /// Where the attribute originated, <c>schema.table.attribute</c>; null for native secondary and computed
    /// attributes. Joins match namesakes only when their lineages agree (semantic matching).
    /// </summary>
    public string? Lineage { get; init; }

    /// <summary>SQL expression for computed attributes; null for stored attributes.</summary>
    public string? Expression { get; init; }

    internal TypeSpec Spec { get; init; }

    /// <summary>The source attribute of a rename (<c>new = old</c>); rendered as the quoted old name.</summary>
    internal string? RenamedFrom { get; init; }

    /// <summary>A copy that reads the attribute by name (after its defining query became a subquery).</summary>
    internal HeadingAttribute AsStored() => Expression is null && RenamedFrom is null ? this : this with { Expression = null, RenamedFrom = null };
}
