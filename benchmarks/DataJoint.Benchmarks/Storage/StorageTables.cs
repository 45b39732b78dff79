namespace DataJoint.Benchmarks.Storage;

[Definition("""
    recording_id : int32
    ---
    payload : <object@bench>
    """)]
public partial class LargeRecording : Manual;

[Definition("""
    trace_id : int32
    ---
    samples : <blob@bench>
    """)]
public partial class StoredTrace : Manual;

/// <summary>The raw baseline's table for <see cref="StoredTrace"/>: the same key and a json column of metadata.</summary>
[Definition("""
    trace_id : int32
    ---
    samples : json
    """)]
public partial class RawTrace : Manual;

/// <summary>A <c>file</c> store named <c>bench</c> on a temporary folder, for the storage benchmarks.</summary>
public static class BenchStore
{
    public static string Configure(Instance instance)
    {
        var root = Path.Combine(Path.GetTempPath(), "dj-bench-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        instance.Config.Set("stores.bench.protocol", "file");
        instance.Config.Set("stores.bench.location", root);
        return root;
    }
}
