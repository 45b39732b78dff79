namespace DataJoint;

/// <summary>
/// DataJoint's <c>jobs.*</c> settings for one connection (feature map §9.1). Read through
/// <see cref="Connection.JobSettings"/>, so every instance has its own.
/// </summary>
public sealed class JobSettings
{
    private int _defaultPriority = 5;
    private double _staleTimeout = 3600;

    /// <summary><c>jobs.auto_refresh</c>: refresh the job table before distributed populate (default true).</summary>
    public bool AutoRefresh { get; set; } = true;

    /// <summary><c>jobs.keep_completed</c>: keep finished jobs as <c>success</c> rows instead of deleting them (default false).</summary>
    public bool KeepCompleted { get; set; }

    /// <summary><c>jobs.stale_timeout</c>: seconds after which refresh removes jobs whose key left the key source (default 3600).</summary>
    public double StaleTimeout
    {
        get => _staleTimeout;
        set => _staleTimeout = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "jobs.stale_timeout must be >= 0.");
    }

    /// <summary><c>jobs.default_priority</c>: priority of new jobs, 0 (most urgent) to 255 (default 5).</summary>
    public int DefaultPriority
    {
        get => _defaultPriority;
        set => _defaultPriority = value is >= 0 and <= 255
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "jobs.default_priority must be between 0 and 255.");
    }

    /// <summary>The code version recorded with each job (<c>jobs.version_method</c>; default empty).</summary>
    public string Version { get; set; } = "";
}
