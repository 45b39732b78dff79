using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace DataJoint.Probe;

/// <summary>Allocations of one run of the work by type, from the runtime's sampled allocation events (one per ~100 KB).</summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _byType = new(StringComparer.Ordinal);

    public static void Print(Action work)
    {
        work();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = new AllocationSampler();
        work();
        Console.WriteLine($"allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024} KB; sampled by type:");
        foreach (var (type, bytes) in sampler._byType.OrderByDescending(p => p.Value).Take(25)) Console.WriteLine($"  {bytes / 1024,8} KB  {type}");
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Keyword 0x1: GC events, which include AllocationTick at the verbose level.
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null) return;
        var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _byType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
