namespace DataJoint.Generators.Model;

/// <summary>A table with foreign keys resolved and its full heading computed: everything the emitter writes.</summary>
internal sealed record ResolvedTable(
    TableModel Table,
    string TableName,
    EquatableArray<ResolvedAttribute> Attributes,
    EquatableArray<ResolvedForeignKey> ForeignKeys,
    EquatableArray<ResolvedIndex> Indexes,
    string? MasterName,
    EquatableArray<string> PartNames,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One attribute of the heading, FK-inherited ones included.</summary>
internal sealed record ResolvedAttribute(
    string Name,
    string Type,
    bool InKey,
    bool Nullable,
    string? Default,
    string Comment,
    string ClrType,
    string ReadMethod,
    bool IsReferenceType,
    string? Initializer,
    bool OptionalBecauseDefault)
{
    public string PropertyName => DataJoint.Definition.Naming.SnakeToPascal(Name);
}

internal sealed record ResolvedForeignKey(
    string ParentGlobalName,
    EquatableArray<string> Attributes,
    EquatableArray<string> ParentAttributes,
    bool Primary,
    bool Nullable,
    bool Unique);

internal sealed record ResolvedIndex(EquatableArray<string> Columns, bool Unique);
