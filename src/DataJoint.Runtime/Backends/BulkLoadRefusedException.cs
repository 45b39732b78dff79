namespace DataJoint;

/// <summary>
/// The server or the driver refused the bulk-load protocol itself (MySQL <c>local_infile</c> off on either side). Internal:
/// the insert writer catches it, remembers the refusal on the connection and writes statements instead.
/// </summary>
internal sealed class BulkLoadRefusedException(string message, Exception innerException) : Exception(message, innerException);
