using System.Text.Json;

namespace DataJoint;

/// <summary>
/// What a content-addressed attribute stores in its json column (<c>hash_registry.put_hash</c>):
/// <c>{"hash", "path", "schema", "store", "size"}</c>, in that order. <see cref="Path"/> is what reads use, so objects
/// stay readable when the store's subfolding or prefix changes later; <see cref="Store"/> is the store as declared
/// (null for the default store, <c>&lt;hash@&gt;</c>).
/// </summary>
/// <param name="Hash">The content hash (<see cref="ContentHash"/>).</param>
/// <param name="Path">The object's path relative to the store's location.</param>
/// <param name="Schema">The schema (database) the object belongs to.</param>
/// <param name="Store">The declared store name, or null for <c>stores.default</c>.</param>
/// <param name="Size">The content's size in bytes.</param>
public sealed record HashedObject(string Hash, string Path, string Schema, string? Store, long Size)
{
    /// <summary>The JSON text DataJoint-Python writes for this metadata (<c>json.dumps</c> of its dict).</summary>
    public string ToJson() => new PythonJson().Add("hash", Hash).Add("path", Path).Add("schema", Schema).Add("store", Store).Add("size", Size).ToString();

    /// <summary>Reads the metadata from a json column's text (any key order, as servers may reorder keys).</summary>
    /// <exception cref="DataJointException">The text is not such metadata; the message says what is missing.</exception>
    public static HashedObject Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Malformed(json, "it is not a JSON object");
            return new HashedObject(
                Text(root, "hash", json) ?? throw Malformed(json, "it has no \"hash\""),
                Text(root, "path", json) ?? throw Malformed(json, "it has no \"path\""),
                Text(root, "schema", json) ?? "",
                Text(root, "store", json),
                root.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var n) ? n : 0);
        }
        catch (JsonException ex)
        {
            throw new DataJointException($"Content-addressed metadata is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement root, string key, string json) =>
        !root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Malformed(json, $"\"{key}\" is not text");

    private static DataJointException Malformed(string json, string problem) =>
        new($"Content-addressed metadata {json} is unusable: {problem}. It must hold hash, path, schema, store and size.");
}
