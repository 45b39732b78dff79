using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>
/// Garbage collection log events (category <c>DataJoint.Storage</c>; ids documented in docs/observability.md): 7501 a
/// collection finished, 7502 an unreferenced object could not be deleted.
/// </summary>
internal static partial class GarbageLog
{
    private const string Category = "DataJoint.Storage";

    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(Category);

    [LoggerMessage(EventId = 7501, EventName = "GarbageCollected", Level = LogLevel.Information, Message = "{Report}")]
    public static partial void Collected(ILogger logger, string report);

    [LoggerMessage(EventId = 7502, EventName = "GarbageNotDeleted", Level = LogLevel.Warning,
        Message = "Garbage collection could not delete {Path} from store '{Store}'")]
    public static partial void NotDeleted(ILogger logger, string store, string path, Exception exception);
}
