namespace DataJoint;

/// <summary>The <c>jobs.*</c> settings read by populate and the jobs tables.</summary>
public sealed class JobsSettings
{
    private int _defaultPriority = 5;
    private double _staleTimeout = 3600;
    private string? _version;

    /// <summary><c>jobs.auto_refresh</c>: refresh the jobs table before a distributed populate (default true).</summary>
    public bool AutoRefresh { get; set; } = true;

    /// <summary><c>jobs.keep_completed</c>: keep finished jobs as <c>success</c> rows (default false).</summary>
    public bool KeepCompleted { get; set; }

    /// <summary><c>jobs.stale_timeout</c>: seconds after which jobs whose key left the key source are removed (default 3600).</summary>
    public double StaleTimeout
    {
        get => _staleTimeout;
        set => _staleTimeout = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "jobs.stale_timeout must be >= 0.");
    }

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

    /// <summary>
    /// The code version recorded with each job: set explicitly, or with <see cref="VersionMethod"/> <c>git</c> the
    /// short hash of the working directory's HEAD (read once); empty otherwise.
    /// </summary>
    public string Version
    {
        get => _version ??= VersionMethod == "git" ? GitVersion() : "";
        set => _version = value;
    }

    private static string GitVersion()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null) return "";
            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    /// <summary><c>jobs.allow_new_pk_fields_in_computed_tables</c> (default false).</summary>
    public bool AllowNewPkFieldsInComputedTables { get; set; }

    /// <summary><c>jobs.add_job_metadata</c>: add hidden job metadata columns to new auto-populated tables (default false).</summary>
    public bool AddJobMetadata { get; set; }
}
