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
