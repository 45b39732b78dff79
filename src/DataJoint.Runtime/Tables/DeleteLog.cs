using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>Delete log events (category <c>DataJoint.Delete</c>; ids documented in docs/observability.md): 7301 a delete committed.</summary>
internal static partial class DeleteLog
{
    private const string Category = "DataJoint.Delete";

    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(Category);

    [LoggerMessage(EventId = 7301, EventName = "Deleted", Level = LogLevel.Information,
        Message = "Deleted {Rows} row(s) from {Table}, cascade included: {Counts}")]
    public static partial void Deleted(ILogger logger, long rows, string table, string counts);
}
