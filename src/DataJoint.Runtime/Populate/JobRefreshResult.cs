namespace DataJoint;

/// <summary>What <see cref="JobTable.Refresh(object[])"/> changed.</summary>
/// <param name="Added">New <c>pending</c> jobs for keys missing from the target.</param>
/// <param name="Removed">Stale jobs removed because their key left the key source.</param>
/// <param name="Orphaned">Reservations older than the orphan timeout put back to <c>pending</c>.</param>
/// <param name="RePended">Kept <c>success</c> jobs whose result is gone, put back to <c>pending</c>.</param>
public sealed record JobRefreshResult(int Added, int Removed, int Orphaned, int RePended);
