namespace DataJoint;

/// <summary>Where encoded values go: the table (for messages), its schema (the stores' section), the stores and the custom codecs.</summary>
internal sealed record CodecTarget(string FullTableName, string Schema, string TableName, Stores Stores, CodecRegistry Codecs);
