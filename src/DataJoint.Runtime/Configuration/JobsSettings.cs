namespace DataJoint;

/// <summary>The <c>jobs.*</c> settings read by populate and the jobs tables.</summary>
public sealed class JobsSettings
{
    private int _defaultPriority = 5;

    /// <summary><c>jobs.auto_refresh</c>: refresh the jobs table before a distributed populate (default true).</summary>
    public bool AutoRefresh { get; set; } = true;

    /// <summary><c>jobs.keep_completed</c>: keep finished jobs as <c>success</c> rows (default false).</summary>
    public bool KeepCompleted { get; set; }

    /// <summary><c>jobs.stale_timeout</c>: seconds after which jobs whose key left the key source are removed (default 3600).</summary>
    public double StaleTimeout { get; set; } = 3600;

    /// <summary><c>jobs.default_priority</c>: 0 (most urgent) to 255 (default 5).</summary>
    public int DefaultPriority
    {
        get => _defaultPriority;
        set => _defaultPriority = value is >= 0 and <= 255
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "jobs.default_priority must be between 0 and 255.");
    }

    /// <summary><c>jobs.version_method</c>: <c>git</c>, <c>none</c> or null.</summary>
    public string? VersionMethod { get; set; }

    /// <summary><c>jobs.allow_new_pk_fields_in_computed_tables</c> (default false).</summary>
    public bool AllowNewPkFieldsInComputedTables { get; set; }

    /// <summary><c>jobs.add_job_metadata</c>: add hidden job metadata columns to new auto-populated tables (default false).</summary>
    public bool AddJobMetadata { get; set; }
}
