using DataJoint.Definition;

namespace DataJoint;

/// <summary>One attribute of a declared table, as resolved by the generator (foreign-key attributes included).</summary>
public sealed class AttributeDefinition
{
    private TypeSpec? _spec;

    /// <summary>Creates the attribute model (emitted by the source generator).</summary>
    /// <param name="name">SQL attribute name.</param>
    /// <param name="type">DataJoint type as written (<c>int32</c>, <c>varchar(32)</c>, <c>&lt;blob&gt;</c>, or a native SQL type).</param>
    /// <param name="inKey">Part of the primary key.</param>
    /// <param name="nullable">Declared with <c>= null</c> (or a nullable foreign key).</param>
    /// <param name="defaultValue">Default as written (<c>null</c> when there is none; the text <c>null</c> for nullable attributes).</param>
    /// <param name="comment">The attribute comment.</param>
    /// <param name="lineage">Where the attribute originated: null for a native secondary attribute, which has no lineage.</param>
    public AttributeDefinition(string name, string type, bool inKey, bool nullable, string? defaultValue, string comment,
        AttributeLineage? lineage = null)
    {
        Lineage = lineage;
        Name = name;
        Type = type;
        InKey = inKey;
        Nullable = nullable;
        DefaultValue = defaultValue;
        Comment = comment;
    }

    /// <summary>SQL attribute name.</summary>
    public string Name { get; }

    /// <summary>DataJoint type as written in the definition.</summary>
    public string Type { get; }

    /// <summary>Part of the primary key.</summary>
    public bool InKey { get; }

    /// <summary>Nullable attribute.</summary>
    public bool Nullable { get; }

    /// <summary>Default as written, or null when the attribute is required.</summary>
    public string? DefaultValue { get; }

    /// <summary>The attribute comment.</summary>
    public string Comment { get; }

    /// <summary>Where the attribute originated (resolved by the generator); null when it has no lineage.</summary>
    public AttributeLineage? Lineage { get; }

    /// <summary>A copy whose custom codec type has its column resolved (<see cref="TypeSpec.ColumnSpec"/>).</summary>
    internal AttributeDefinition WithColumn(TypeSpec column) =>
        new(Name, Type, InKey, Nullable, DefaultValue, Comment, Lineage) { _spec = Spec.WithColumn(column) };

    internal TypeSpec Spec => _spec ??= TypeClassifier.Classify(Type)
        ?? throw new DefinitionException($"Attribute `{Name}` has the unsupported type `{Type}`.");
}
