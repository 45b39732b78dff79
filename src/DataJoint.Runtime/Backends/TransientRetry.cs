using System.Collections.Concurrent;
using Polly;
using Polly.Retry;

namespace DataJoint;

/// <summary>
/// The one place that retries a statement which lost to a concurrent transaction (a deadlock or serialization failure,
/// as each backend's <see cref="BackendAdapter.IsTransientConflict"/> recognises it): a few attempts with exponential,
/// jittered backoff. Only for idempotent work outside a caller's transaction, where running again is safe.
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
}
