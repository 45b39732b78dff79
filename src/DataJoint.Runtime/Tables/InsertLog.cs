using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>
/// Insert log events (category <c>DataJoint.Insert</c>; stable ids, documented in docs/architecture.md): 7101 rows
/// bulk-loaded, 7102 a large insert written as statements and why, 7103 bulk loading refused by the server or driver.
/// </summary>
internal static partial class InsertLog
{
    private const string Category = "DataJoint.Insert";

    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(Category);

    [LoggerMessage(EventId = 7101, EventName = "BulkLoaded", Level = LogLevel.Debug, Message = "Bulk-loaded {Rows} rows into {Table} with {Method}")]
    public static partial void BulkLoaded(ILogger logger, long rows, string table, string method);

    [LoggerMessage(EventId = 7102, EventName = "WrittenAsStatements", Level = LogLevel.Debug,
        Message = "Inserting {Rows} rows into {Table} with INSERT statements: {Reason}")]
    public static partial void WrittenAsStatements(ILogger logger, long rows, string table, string reason);

    [LoggerMessage(EventId = 7103, EventName = "BulkRefused", Level = LogLevel.Warning,
        Message = "{Method} into {Table} was refused: {Reason}. Inserts on this connection write INSERT statements from now on.")]
    public static partial void BulkRefused(ILogger logger, string method, string table, string reason);
}
