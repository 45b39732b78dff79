using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataJoint;

/// <summary>
/// The library's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <c>DataJoint</c>, so <c>AddSource("DataJoint")</c> / <c>AddMeter("DataJoint")</c> in OpenTelemetry collect everything.
/// Tags carry names (backend, server, schema, table, operation, outcome), never values or credentials.
/// </summary>
internal static class Telemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "DataJoint";

    // Span names and values of datajoint.operation.
    public const string Fetch = "fetch";
    public const string Insert = "insert";
    public const string Delete = "delete";
    public const string Declare = "declare";
    public const string Populate = "populate";
    public const string Make = "make";
    public const string Reserve = "reserve";

    private static readonly string? Version = typeof(Telemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>How long each operation took, by <c>datajoint.operation</c> and <c>db.system.name</c>.</summary>
    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "datajoint.operation.duration", unit: "s", description: "Duration of DataJoint operations (fetch, insert, delete, declare, populate, make, reserve).");

    public static readonly Counter<long> RowsInserted = Meter.CreateCounter<long>(
        "datajoint.rows.inserted", unit: "{row}", description: "Rows inserted.");

    public static readonly Counter<long> RowsFetched = Meter.CreateCounter<long>(
        "datajoint.rows.fetched", unit: "{row}", description: "Rows read by fetches.");

    public static readonly Counter<long> RowsDeleted = Meter.CreateCounter<long>(
        "datajoint.rows.deleted", unit: "{row}", description: "Rows deleted from the tables deletes were called on (rows removed by the cascade are not counted).");

    public static readonly Counter<long> PopulateKeys = Meter.CreateCounter<long>(
        "datajoint.populate.keys", unit: "{key}", description: "Keys processed by populate, by datajoint.outcome (success, error, skipped).");

    // The last job-queue counts seen per job table (by JobTable.Progress), reported as a gauge.
    private static readonly ConcurrentDictionary<(string Table, string Status), long> JobQueue = new();

    static Telemetry()
    {
        Meter.CreateObservableGauge("datajoint.jobs.queue_depth",
            () => JobQueue.Select(e => new Measurement<long>(e.Value,
                new KeyValuePair<string, object?>("db.collection.name", e.Key.Table), new KeyValuePair<string, object?>("datajoint.job.status", e.Key.Status))),
            unit: "{job}", description: "Jobs per status in each job table, as last counted by this process.");
    }

    /// <summary>Records the counts of a job table's statuses (the <c>datajoint.jobs.queue_depth</c> gauge).</summary>
    public static void JobQueueDepth(string jobTable, string status, long count) => JobQueue[(jobTable, status)] = count;

    /// <summary>
    /// Starts one operation: a span named <paramref name="operation"/> (when anything listens) and its duration on
    /// dispose. <paramref name="table"/> is the full SQL name of the table it works on, if one.
    /// </summary>
    public static OperationScope Start(string operation, Connection connection, string? table = null) =>
        new(operation, connection, table);

    /// <summary>
    /// Runs <paramref name="body"/> as one operation (<see cref="Start"/>): a failure marks the span and the duration
    /// without catching anything; <paramref name="rows"/>, if given, reads the row count off the result. In sync mode
    /// the body completes synchronously and so does this.
    /// </summary>
    public static ValueTask<T> Traced<T>(string operation, Connection connection, string? table, Func<ValueTask<T>> body,
        Func<T, long>? rows = null) =>
        Traced(operation, connection, table, async scope =>
        {
            var result = await body().ConfigureAwait(false);
            if (rows is not null) scope.Rows(rows(result));
            return result;
        });

    /// <summary>As <see cref="Traced{T}(string, Connection, string?, Func{ValueTask{T}}, Func{T, long}?)"/>, for a body that tags its own span.</summary>
    public static async ValueTask<T> Traced<T>(string operation, Connection connection, string? table, Func<OperationScope, ValueTask<T>> body)
    {
        using var scope = Start(operation, connection, table);
        try
        {
            return await body(scope).ConfigureAwait(false);
        }
        catch (Exception e) when (scope.Fail(e))
        {
            throw; // not reached: the filter records the failure and lets the exception pass
        }
    }
}
