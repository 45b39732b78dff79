using System.Collections.Concurrent;
using Polly;
using Polly.Retry;

namespace DataJoint;

/// <summary>
/// The one place that retries database work. <see cref="For"/>: a statement which lost to a concurrent transaction (a
/// deadlock or serialization failure, as each backend's <see cref="BackendAdapter.IsTransientConflict"/> recognises it),
/// a few attempts with exponential, jittered backoff, only for idempotent work outside a caller's transaction.
/// <see cref="ReconnectAgain"/>: DataJoint's <c>database.reconnect</c>, one more attempt on a fresh connection when the
/// connection was lost before anything of a transaction had run (<see cref="LostConnectionException.Reconnectable"/>).
/// </summary>
internal static class TransientRetry
{
    private static readonly ConcurrentDictionary<BackendAdapter, ResiliencePipeline> Pipelines = new();

    /// <summary>The retry pipeline for statements on <paramref name="adapter"/>'s backend.</summary>
    public static ResiliencePipeline For(BackendAdapter adapter) => Pipelines.GetOrAdd(adapter, static a => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DataJointException>(a.IsTransientConflict),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(10),
        })
        .Build());

    /// <summary>
    /// Runs idempotent work through <see cref="For"/>, synchronously or not as the caller runs. Work inside the caller's
    /// transaction runs once: a deadlock there has rolled the whole transaction back, which only the caller can redo.
    /// </summary>
    public static async ValueTask<T> Conflicts<T>(Connection connection, Func<bool, CancellationToken, ValueTask<T>> work, bool sync,
        CancellationToken cancellationToken)
    {
        if (connection.InTransaction) return await work(sync, cancellationToken).ConfigureAwait(false);
        var retry = For(connection.Adapter);
        if (sync) return retry.Execute(() => SyncOrAsync.Wait(work(true, CancellationToken.None)));
        return await retry.ExecuteAsync(async token => await work(false, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs an operation again, at once, after its first attempt failed on a dead pooled connection (the caller makes
    /// that first attempt itself, so the pipeline costs nothing while connections are alive). Each failed attempt drops
    /// one dead connection (or the backend clears the whole pool), so there are at most as many attempts in all as the
    /// pool holds connections plus one; a server that is really gone fails to connect, which is not retried.
    /// </summary>
    public static ResiliencePipeline ReconnectAgain { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<LostConnectionException>(e => e.Reconnectable),
            MaxRetryAttempts = BackendAdapter.MaxPoolSize - 1,
            Delay = TimeSpan.Zero,
        })
        .Build();
}
