using DataJoint.Definition;

namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// The job tables of this schema's auto-populated tables, parents first (DataJoint's <c>schema.jobs</c>): for a table bound
    /// through this schema, its <see cref="AutoPopulated.Jobs"/> (declared on first use, as always); for a Computed or Imported
    /// table in the database that is bound to no class here, its job table when one exists (its <see cref="JobTable.Target"/> is a
    /// <see cref="FreeTable"/>, and refresh uses the default key source, the join of its primary-key parents).
    /// </summary>
    public IReadOnlyList<JobTable> Jobs() => SyncOrAsync.Wait(JobsCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Jobs"/>.</summary>
    public async Task<IReadOnlyList<JobTable>> JobsAsync(CancellationToken cancellationToken = default) =>
        await JobsCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<JobTable>> JobsCore(bool sync, CancellationToken cancellationToken)
    {
        var names = await ReadTableNames(sync, cancellationToken).ConfigureAwait(false);
        var queues = names.Where(n => n.StartsWith("~~", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var bound = _handles.Values.OfType<AutoPopulated>().ToDictionary(t => t.SqlTableName, StringComparer.Ordinal);
        var jobs = new List<JobTable>();
        foreach (var table in await UserTablesInOrder(names, sync, cancellationToken).ConfigureAwait(false))
        {
            if (TableNames.TierOf(table) is not (TableTier.Computed or TableTier.Imported)) continue;
            if (bound.TryGetValue(table, out var handle))
            {
                if (JobTable.CanQueue(handle.TableDefinition)) jobs.Add(handle.Jobs);
            }
            else if (queues.Contains(JobTable.QueueNameOf(table)))
            {
                jobs.Add(await JobTable.ForUnbound(this, table, sync, cancellationToken).ConfigureAwait(false));
            }
        }

        return jobs;
    }
}
