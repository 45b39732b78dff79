using System.Linq;

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
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>True when nothing can be emitted: the class is unusable or resolving it failed (the analyzer reports why).</summary>
    public bool BlocksEmission => Table.BlocksEmission || Diagnostics.Any(d => d.Id == DataJoint.Definition.DiagnosticIds.Internal);
}

/// <summary>
/// One attribute of the heading, FK-inherited ones included. <see cref="ReadArgument"/> is the reader's third argument, when
/// it takes one (a decimal's declared scale).
/// </summary>
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
    bool OptionalBecauseDefault,
    LineageOrigin? Lineage,
    bool CustomCodec = false,
    string? ReadArgument = null)
{
    public string PropertyName => DataJoint.Definition.Naming.SnakeToPascal(Name);
}

/// <summary>
/// Where an attribute originated (DataJoint's lineage, docs/semantics.md#lineage): the table class that declares it in its primary
/// key, and its name there. The schema is only known when the table is bound, so the runtime completes it to
/// <c>schema.table.attribute</c>.
/// </summary>
internal sealed record LineageOrigin(string TableGlobalName, string Attribute);

internal sealed record ResolvedForeignKey(
    string ParentGlobalName,
    EquatableArray<string> Attributes,
    EquatableArray<string> ParentAttributes,
    bool Primary,
    bool Nullable,
    bool Unique);

internal sealed record ResolvedIndex(EquatableArray<string> Columns, bool Unique);
