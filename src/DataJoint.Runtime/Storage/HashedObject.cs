using System.Buffers;
using System.Text;
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
    private const int StackLimit = 1024;

    /// <summary>The JSON text DataJoint-Python writes for this metadata (<c>json.dumps</c> of its dict).</summary>
    public string ToJson() => new PythonJson().Add("hash", Hash).Add("path", Path).Add("schema", Schema).Add("store", Store).Add("size", Size).ToString();

    /// <summary>Reads the metadata from a json column's text (any key order, as servers may reorder keys).</summary>
    /// <exception cref="DataJointException">The text is not such metadata; the message says what is missing.</exception>
    public static HashedObject Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Read once per row by the hashed codecs: a reader over the UTF-8 text on the stack, no document built.
        var length = Encoding.UTF8.GetMaxByteCount(json.Length);
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var utf8 = rented ?? stackalloc byte[StackLimit];
        try
        {
            return Read(json, utf8[..Encoding.UTF8.GetBytes(json, utf8)]);
        }
        catch (JsonException ex)
        {
            throw new DataJointException($"Content-addressed metadata is not valid JSON: {ex.Message}", ex);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static HashedObject Read(string json, ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw Malformed(json, "it is not a JSON object");
        string? hash = null, path = null, schema = null, store = null;
        long size = 0;
        // A repeated key counts with its last value, as JsonDocument's lookup finds it.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("hash"u8)) hash = Text(ref reader, "hash", json);
            else if (reader.ValueTextEquals("path"u8)) path = Text(ref reader, "path", json);
            else if (reader.ValueTextEquals("schema"u8)) schema = Text(ref reader, "schema", json);
            else if (reader.ValueTextEquals("store"u8)) store = Text(ref reader, "store", json);
            else if (reader.ValueTextEquals("size"u8)) size = Number(ref reader);
            else Skip(ref reader);
        }

        _ = reader.Read(); // throws when text follows the object
        return new HashedObject(
            hash ?? throw Malformed(json, "it has no \"hash\""),
            path ?? throw Malformed(json, "it has no \"path\""),
            schema ?? "",
            store,
            size);
    }

    private static string? Text(ref Utf8JsonReader reader, string key, string json)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Malformed(json, $"\"{key}\" is not text"),
        };
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number) return reader.TryGetInt64(out var n) ? n : 0;
        reader.Skip();
        return 0;
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static DataJointException Malformed(string json, string problem) =>
        new($"Content-addressed metadata {json} is unusable: {problem}. It must hold hash, path, schema, store and size.");
}
