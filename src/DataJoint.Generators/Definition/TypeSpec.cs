using System.Collections.Generic;

namespace DataJoint.Definition;

/// <summary>A classified attribute type: the category plus the arguments written in the type text.</summary>
internal sealed class TypeSpec
{
    public TypeSpec(TypeCategory category, string text)
    {
        Category = category;
        Text = text;
    }

    public TypeCategory Category { get; }

    /// <summary>The type as written in the definition (trimmed).</summary>
    public string Text { get; }

    /// <summary>n of <c>char(n)</c>/<c>varchar(n)</c>; precision of <c>datetime(n)</c>.</summary>
    public int? Length { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    public string? CodecName { get; init; }

    /// <summary>The store of <c>&lt;name@store&gt;</c>; empty for <c>&lt;name@&gt;</c> (the default store); null without <c>@</c>.</summary>
    public string? Store { get; init; }

    /// <summary>For native types: the C# type that holds its values.</summary>
    public string? NativeClrType { get; init; }

    /// <summary>
    /// DataJoint's in-table <c>&lt;blob&gt;</c> codec: values are serialized (the runtime's <c>Blob</c> format, byte-compatible
    /// with DataJoint-Python) on insert and deserialized on fetch, so rows hold them as <c>object</c>.
    /// </summary>
    public bool IsSerializedBlob => Category == TypeCategory.Codec && CodecName == "blob" && Store is null;

    /// <summary>A codec written <c>&lt;name@store&gt;</c> or <c>&lt;name@&gt;</c>: its values live in an object store.</summary>
    public bool IsInStore => Category == TypeCategory.Codec && Store is not null;

    /// <summary>
    /// The core type of a codec's column (DataJoint's dtype chain followed to its end: <c>bytes</c> or <c>json</c>):
    /// set for the built-in codecs by the classifier and for registered codecs by the runtime; null for other types and
    /// for a built-in codec used without the store it requires.
    /// </summary>
    public TypeCategory? StoredCategory { get; init; }

    /// <summary>
    /// For a codec that is not built in, as the runtime resolved it: the core type (or built-in codec) its chain of
    /// stored types ends in, which gives its column. Null otherwise.
    /// </summary>
    public TypeSpec? ColumnSpec { get; init; }

    /// <summary>This codec type with its chain resolved to <paramref name="column"/>.</summary>
    public TypeSpec WithColumn(TypeSpec column) => new(Category, Text)
    {
        CodecName = CodecName,
        Store = Store,
        StoredCategory = column.Category == TypeCategory.Codec ? column.StoredCategory : column.Category,
        ColumnSpec = column,
    };

    /// <summary>True for types stored as large binary columns (no default other than NULL allowed).</summary>
    public bool IsBlob => Category == TypeCategory.Bytes
        || (Category == TypeCategory.Codec && CodecName is "blob" or "attach")
        || (Category == TypeCategory.Native && Text.IndexOf("blob", System.StringComparison.OrdinalIgnoreCase) >= 0);

    public bool IsNumeric => Category is TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32
        or TypeCategory.Int64 or TypeCategory.Float32 or TypeCategory.Float64 or TypeCategory.Decimal
        or TypeCategory.Bool;

    /// <summary>The C# type (with <c>global::</c> where needed) that a row property of this type has.</summary>
    public string ClrType => Category switch
    {
        TypeCategory.Int8 => "sbyte",
        TypeCategory.Int16 => "short",
        TypeCategory.Int32 => "int",
        TypeCategory.Int64 => "long",
        TypeCategory.Float32 => "float",
        TypeCategory.Float64 => "double",
        TypeCategory.Decimal => "decimal",
        TypeCategory.Bool => "bool",
        TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum => "string",
        TypeCategory.Date => "global::System.DateOnly",
        TypeCategory.DateTime => "global::System.DateTime",
        TypeCategory.Json => "global::System.Text.Json.Nodes.JsonNode",
        TypeCategory.Uuid => "global::System.Guid",
        TypeCategory.Bytes => "byte[]",
        TypeCategory.Codec => CodecClrType,
        _ => NativeClrType ?? "object",
    };

    /// <summary>True when <see cref="ClrType"/> is a reference type (nullable rows use <c>T?</c> either way).</summary>
    public bool IsReferenceClrType => ClrType is "string" or "byte[]" or "object"
        or "global::System.Text.Json.Nodes.JsonNode" || ClrType.StartsWith("global::DataJoint.", System.StringComparison.Ordinal);

    // What a fetched value of each built-in codec is; a codec that is not built in is whatever its own class decodes to.
    private string CodecClrType => CodecName switch
    {
        "blob" => "object",
        "hash" => "byte[]",
        "attach" => "global::DataJoint.Attachment",
        "object" or "filepath" => "global::DataJoint.ObjectRef",
        "npy" => "global::DataJoint.NpyRef",
        _ => "object",
    };
}
