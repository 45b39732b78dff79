namespace DataJoint.Definition;

/// <summary>What a DataJoint attribute type is, after classification (docs/semantics.md#types).</summary>
internal enum TypeCategory
{
    Int8,
    Int16,
    Int32,
    Int64,
    Float32,
    Float64,
    Decimal,
    Bool,
    Char,
    VarChar,
    Enum,
    Date,
    DateTime,
    Json,
    Uuid,
    Bytes,
    /// <summary>A codec type <c>&lt;name&gt;</c> or <c>&lt;name@store&gt;</c>.</summary>
    Codec,
    /// <summary>A native SQL type passed through unchanged (not portable; DataJoint warns).</summary>
    Native,
}
