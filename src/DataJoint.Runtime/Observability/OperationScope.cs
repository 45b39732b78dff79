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
    private readonly long _started;
    private string? _error;

    public OperationScope(string operation, Connection connection, string? table)
    {
        _operation = operation;
        _system = connection.Adapter.TelemetrySystemName;
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

    /// <summary>Sets the number of rows the operation read or wrote.</summary>
    public void Rows(long count) => Activity?.SetTag("datajoint.rows", count);

    /// <summary>Marks the operation failed (the exception's type only; messages may hold values).</summary>
    public void Fail(Exception exception)
    {
        _error = exception is OperationCanceledException ? "cancelled" : exception.GetType().Name;
        Activity?.SetStatus(ActivityStatusCode.Error);
        Activity?.SetTag("error.type", _error);
    }

    public void Dispose()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var tags = new TagList { { "datajoint.operation", _operation }, { "db.system.name", _system } };
        if (_error is not null) tags.Add("error.type", _error);
        Telemetry.OperationDuration.Record(seconds, tags);
        Activity?.Dispose();
    }
}
