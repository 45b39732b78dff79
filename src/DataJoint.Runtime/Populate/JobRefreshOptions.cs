namespace DataJoint;

/// <summary>Options of <see cref="JobTable.Refresh(JobRefreshOptions, object[])"/> (DataJoint's refresh arguments).</summary>
public sealed record JobRefreshOptions
{
    /// <summary>Seconds from now until new jobs may be reserved (negative: already due). Default 0.</summary>
    public double Delay { get; init; }

    /// <summary>Priority of new jobs (null: <see cref="JobsSettings.DefaultPriority"/>).</summary>
    public int? Priority { get; init; }

    /// <summary>Remove jobs older than this many seconds whose key left the key source (null: <see cref="JobsSettings.StaleTimeout"/>).</summary>
    public double? StaleTimeout { get; init; }

    /// <summary>Put reservations older than this many seconds back to <c>pending</c> (null: leave them).</summary>
    public double? OrphanTimeout { get; init; }
}
