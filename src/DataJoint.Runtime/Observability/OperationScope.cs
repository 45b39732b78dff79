using System.Diagnostics;

namespace DataJoint;

/// <summary>
/// One traced and timed operation (see <see cref="Telemetry.Start"/>): its span carries the OpenTelemetry database
/// tags (<c>db.system.name</c>, <c>server.address</c>, <c>server.port</c>, <c>db.operation.name</c>,
/// <c>db.collection.name</c>) and DataJoint's (<c>datajoint.operation</c>, <c>datajoint.table</c>,
/// <c>datajoint.rows</c>); a failure sets the span's error status and <c>error.type</c>. Disposing records
/// <c>datajoint.operation.duration</c>.
/// </summary>
internal sealed class OperationScope : IDisposable
{
    private readonly string _operation;
    private readonly string _system;
    private readonly string? _table;
    private readonly long _started;
    private string? _error;

    public OperationScope(string operation, Connection connection, string? table)
    {
        _operation = operation;
        _system = connection.Adapter.TelemetrySystemName;
        _table = table;
        _started = Stopwatch.GetTimestamp();
        Activity = Telemetry.Source.StartActivity(operation, ActivityKind.Client);
        if (Activity is null) return;
        var database = connection.Config.Database;
        Activity.SetTag("db.system.name", _system);
        Activity.SetTag("server.address", database.Host);
        Activity.SetTag("server.port", database.Port ?? connection.Adapter.DefaultPort);
        Activity.SetTag("db.operation.name", operation);
        Activity.SetTag("datajoint.operation", operation);
        if (table is null) return;
        Activity.SetTag("db.collection.name", table);
        Activity.SetTag("datajoint.table", table);
    }

    /// <summary>The span, or null when nothing listens to the <c>DataJoint</c> source.</summary>
    public Activity? Activity { get; }

    /// <summary>
    /// Sets the number of rows the operation read or wrote, and adds them to the operation's row counter
    /// (<c>datajoint.rows.fetched</c>, <c>.inserted</c> or <c>.deleted</c>).
    /// </summary>
    public void Rows(long count)
    {
        Activity?.SetTag("datajoint.rows", count);
        var counter = _operation switch
        {
            Telemetry.Fetch => Telemetry.RowsFetched,
            Telemetry.Insert => Telemetry.RowsInserted,
            Telemetry.Delete => Telemetry.RowsDeleted,
            _ => null,
        };
        if (counter is { Enabled: true }) counter.Add(count, MetricTags());
    }

    /// <summary>
    /// Sets how the operation ended (<c>datajoint.outcome</c>: success, error, skipped, cancelled) and, for a
    /// <c>make</c>, counts the key in <c>datajoint.populate.keys</c>.
    /// </summary>
    public void Outcome(string outcome)
    {
        Activity?.SetTag("datajoint.outcome", outcome);
        if (_operation != Telemetry.Make || !Telemetry.PopulateKeys.Enabled) return;
        var tags = MetricTags();
        tags.Add("datajoint.outcome", outcome);
        Telemetry.PopulateKeys.Add(1, tags);
    }

    /// <summary>
    /// Marks the operation failed (the exception's type only; messages may hold values). Returns false, so it can sit in
    /// an exception filter (<c>catch (Exception e) when (scope.Fail(e))</c>) without catching or unwinding anything.
    /// </summary>
    public bool Fail(Exception exception)
    {
        _error = exception is OperationCanceledException ? "cancelled" : exception.GetType().Name;
        Activity?.SetStatus(ActivityStatusCode.Error);
        Activity?.SetTag("error.type", _error);
        return false;
    }

    public void Dispose()
    {
        Activity?.Dispose();
        if (!Telemetry.OperationDuration.Enabled) return; // nothing listens: no tags built
        var tags = MetricTags();
        tags.Add("datajoint.operation", _operation);
        if (_error is not null) tags.Add("error.type", _error);
        Telemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
    }

    // Names only: the backend and, for one-table operations, the table (bounded by the number of tables).
    private TagList MetricTags()
    {
        var tags = new TagList { { "db.system.name", _system } };
        if (_table is not null) tags.Add("db.collection.name", _table);
        return tags;
    }
}
