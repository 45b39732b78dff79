using DataJoint.Definition;

namespace DataJoint;

/// <summary>What a codec attribute stores for a value: <c>&lt;blob&gt;</c> values are serialized with <see cref="Blob.Pack"/>.</summary>
internal static class StoredValue
{
    public static object? Of(TypeSpec spec, object? value) =>
        spec.IsSerializedBlob && value is not (null or DBNull) ? Blob.Pack(value) : value;
}
