using System.Collections.Concurrent;
using Polly;
using Polly.Retry;

namespace DataJoint;

/// <summary>
/// The one place that retries database work. <see cref="For"/>: a statement which lost to a concurrent transaction (a
/// deadlock or serialization failure, as each backend's <see cref="BackendAdapter.IsTransientConflict"/> recognises it),
/// a few attempts with exponential, jittered backoff, only for idempotent work outside a caller's transaction.
/// <see cref="Reconnect"/>: DataJoint's <c>database.reconnect</c>, one more attempt on a fresh connection when the
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
    /// Runs an operation again, at once, when it failed on a dead pooled connection. Each failed attempt drops one dead
    /// connection (or the backend clears the whole pool), so there are at most as many retries as the pool holds
    /// connections; a server that is really gone fails to connect, which is not retried.
    /// </summary>
    public static ResiliencePipeline Reconnect { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<LostConnectionException>(e => e.Reconnectable),
            MaxRetryAttempts = BackendAdapter.MaxPoolSize,
            Delay = TimeSpan.Zero,
        })
        .Build();
}
