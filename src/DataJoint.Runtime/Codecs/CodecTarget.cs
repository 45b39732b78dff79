namespace DataJoint;

/// <summary>Where encoded values go: the table (for messages), its schema (the stores' section), the stores and the custom codecs.</summary>
internal sealed record CodecTarget(string FullTableName, string Schema, string TableName, Stores Stores, CodecRegistry Codecs)
{
    /// <summary>The hash sections of <see cref="Stores"/>, resolved once for the rows encoded with this target.</summary>
    public HashSections Sections { get; } = new(Stores);
}
