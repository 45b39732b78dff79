using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>
/// Populate and job-table log events. Event ids are stable (documented in docs/architecture.md): 7001 populate started,
/// 7002 populate finished, 7003 key made, 7004 key failed, 7005 key skipped (already made or reserved elsewhere),
/// 7006 jobs refreshed, 7007 key cancelled and released.
/// </summary>
internal static partial class PopulateLog
{
    private const string Category = "DataJoint.Populate";

    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(Category);

    [LoggerMessage(EventId = 7001, EventName = "PopulateStarted", Level = LogLevel.Information,
        Message = "Populating {Table}: {Keys} keys, {Workers} workers, reserve jobs {ReserveJobs}")]
    public static partial void Started(ILogger logger, string table, int keys, int workers, bool reserveJobs);

    [LoggerMessage(EventId = 7002, EventName = "PopulateFinished", Level = LogLevel.Information,
        Message = "Populated {Table}: {Succeeded} made, {Failed} failed, {Skipped} skipped in {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string table, int succeeded, int failed, int skipped, long elapsedMs);

    [LoggerMessage(EventId = 7003, EventName = "KeyMade", Level = LogLevel.Debug, Message = "Made {Table} {Key} in {ElapsedMs} ms")]
    public static partial void KeyMade(ILogger logger, string table, string key, double elapsedMs);

    [LoggerMessage(EventId = 7004, EventName = "KeyFailed", Level = LogLevel.Error, Message = "Make failed for {Table} {Key}")]
    public static partial void KeyFailed(ILogger logger, Exception exception, string table, string key);

    [LoggerMessage(EventId = 7005, EventName = "KeySkipped", Level = LogLevel.Debug, Message = "Skipped {Table} {Key}: {Reason}")]
    public static partial void KeySkipped(ILogger logger, string table, string key, string reason);

    [LoggerMessage(EventId = 7006, EventName = "JobsRefreshed", Level = LogLevel.Information,
        Message = "Refreshed {Table}: {Added} added, {Removed} removed, {Orphaned} orphaned, {RePended} re-pended")]
    private static partial void JobsRefreshed(ILogger logger, string table, int added, int removed, int orphaned, int rePended);

    public static void JobsRefreshed(ILoggerFactory factory, string table, int added, int removed, int orphaned, int rePended) =>
        JobsRefreshed(For(factory), table, added, removed, orphaned, rePended);

    [LoggerMessage(EventId = 7007, EventName = "KeyCancelled", Level = LogLevel.Warning, Message = "Cancelled {Table} {Key}; rolled back and released")]
    public static partial void KeyCancelled(ILogger logger, string table, string key);
}
