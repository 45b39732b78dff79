namespace DataJoint;

/// <summary>Number of jobs per status in a job table (<see cref="JobTable.Progress"/>).</summary>
/// <param name="Pending">Waiting to be reserved.</param>
/// <param name="Reserved">Being made by a worker.</param>
/// <param name="Success">Finished (kept only with <see cref="JobsSettings.KeepCompleted"/>).</param>
/// <param name="Error">Failed; not retried until the job row is deleted.</param>
/// <param name="Ignore">Skipped on purpose.</param>
public sealed record JobProgress(long Pending, long Reserved, long Success, long Error, long Ignore)
{
    /// <summary>All jobs.</summary>
    public long Total => Pending + Reserved + Success + Error + Ignore;
}
