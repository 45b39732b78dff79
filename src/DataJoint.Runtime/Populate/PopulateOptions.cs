namespace DataJoint;

/// <summary>Options of <see cref="AutoPopulated.Populate(PopulateOptions, object[])"/> (DataJoint's populate arguments).</summary>
public sealed record PopulateOptions
{
    /// <summary>Record errors and go on with the next key instead of throwing the first one (default false).</summary>
    public bool SuppressErrors { get; init; }

    /// <summary>
    /// Work from the table's job table: reserve each key before making it, so that several processes or machines can
    /// populate the same table without doing a key twice (default false: compute the missing keys directly).
    /// </summary>
    public bool ReserveJobs { get; init; }

    /// <summary>Make at most this many keys (null: all).</summary>
    public int? MaxCalls { get; init; }

    /// <summary>
    /// Print progress lines on the console (one per 10 % step and a last one). For a live progress bar on a terminal,
    /// call <c>PopulateWithProgressBar</c> from the DataJoint.Console package instead.
    /// </summary>
    public bool DisplayProgress { get; init; }

    /// <summary>
    /// Number of workers in this process, each with its own pooled connection and transaction (default 1). Capped at
    /// the number of keys.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// With <see cref="ReserveJobs"/>: priority of the jobs a refresh adds, and only jobs of this priority or more
    /// urgent (lower numbers) are taken. Null: new jobs get <see cref="JobsSettings.DefaultPriority"/>, all are taken.
    /// </summary>
    public int? Priority { get; init; }

    /// <summary>With <see cref="ReserveJobs"/>: refresh the job table first (null: <see cref="JobsSettings.AutoRefresh"/>).</summary>
    public bool? Refresh { get; init; }

    /// <summary>Receives a report after every key. Called from worker threads when <see cref="Parallelism"/> &gt; 1.</summary>
    public IProgress<PopulateProgress>? Progress { get; init; }
}
