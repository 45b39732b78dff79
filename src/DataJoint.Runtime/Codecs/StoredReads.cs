using System.Data.Common;

namespace DataJoint;

/// <summary>
/// Reads the values of codec columns that point into a store: the column holds DataJoint's metadata (JSON), which names
/// the store and the object's path, so a reader needs no declaration; the stores are the reading connection's
/// (<see cref="RowReadScope"/>). Failures name the attribute, the store and the path.
/// </summary>
internal static class StoredReads
{
    /// <summary>
    /// The content a <c>&lt;hash@&gt;</c>-based column refers to, hash verified: loaded before the row was mapped
    /// (<see cref="StoredColumns"/>), or read now for a reader that did not load it.
    /// </summary>
    public static byte[] Hashed(DbDataReader reader, int ordinal) => RowReadScope.Loaded(ordinal)
        ?? SyncOrAsync.Wait(Load(reader.GetName(ordinal), ColumnReader.ReadString(reader, ordinal), new HashSections(RowReadScope.Stores), sync: true,
            CancellationToken.None));

    /// <summary>Reads the content <paramref name="metadata"/> (a hashed column's JSON) refers to from <paramref name="sections"/>, hash verified.</summary>
    public static async ValueTask<byte[]> Load(string attribute, string metadata, HashSections sections, bool sync, CancellationToken cancellationToken)
    {
        var stored = HashedObject.Parse(metadata);
        HashSection section;
        try
        {
            section = sections.Get(stored.Store);
        }
        catch (ConfigurationException ex)
        {
            throw new ConfigurationException($"Cannot read `{attribute}` ({stored.Path}): {ex.Message}", ex);
        }

        try
        {
            return await section.GetCore(stored, sync, cancellationToken).ConfigureAwait(false);
        }
        catch (StoredObjectCorruptException ex)
        {
            throw new StoredObjectCorruptException(ex.Store, stored.Path, ex.ExpectedHash, ex.ActualHash, $"`{attribute}`: {ex.Message}", ex);
        }
        catch (StoredObjectMissingException ex)
        {
            throw new StoredObjectMissingException(ex.Store, stored.Path, $"`{attribute}` refers to an object that is missing: {ex.Message}", ex);
        }
        catch (StorageException ex)
        {
            throw new StorageException(ex.Store, stored.Path, $"Cannot read `{attribute}`: {ex.Message}", ex);
        }
    }

    /// <summary>The lazy handle of an <c>&lt;object@&gt;</c> or <c>&lt;filepath@&gt;</c> column: only the metadata is read.</summary>
    public static ObjectRef Object(DbDataReader reader, int ordinal, bool filepath) =>
        System.Text.Json.Nodes.JsonNode.Parse(ColumnReader.ReadString(reader, ordinal)) is System.Text.Json.Nodes.JsonObject metadata
            ? new ObjectRef(metadata, RowReadScope.Stores, filepath)
            : throw new DataJointException($"`{reader.GetName(ordinal)}` does not hold object metadata (a JSON object with a path).");

    /// <summary>The lazy handle of an <c>&lt;npy@&gt;</c> column: only the metadata is read.</summary>
    public static NpyRef Array(DbDataReader reader, int ordinal) =>
        System.Text.Json.Nodes.JsonNode.Parse(ColumnReader.ReadString(reader, ordinal)) is System.Text.Json.Nodes.JsonObject metadata
            ? new NpyRef(metadata, RowReadScope.Stores)
            : throw new DataJointException($"`{reader.GetName(ordinal)}` does not hold array metadata (a JSON object with a path, dtype and shape).");

    /// <summary>Where an attachment was read from, for messages.</summary>
    public static string Where(DbDataReader reader, int ordinal) => $"`{reader.GetName(ordinal)}`";
}
