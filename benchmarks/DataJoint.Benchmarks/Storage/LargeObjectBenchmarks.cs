using BenchmarkDotNet.Attributes;

namespace DataJoint.Benchmarks.Storage;

/// <summary>
/// One large <c>&lt;object@store&gt;</c> value (<see cref="Megabytes"/> MB from a file) inserted and read back through a
/// <c>file</c> store and through the S3 server, next to the raw client doing the same with the same bytes in the same run
/// (<see cref="File"/> streams, or AWSSDK.S3's PutObject/GetObject): writing the file into the store, and reading it
/// back. On S3 a second raw write is the SDK's own multipart
/// upload (TransferUtility), which DataJoint's upload (parallel 8 MiB parts) does the same work as. The file
/// (DJ_BENCH_OBJECT_MB, default 1024) is generated once in the temporary folder and reused by every case and run;
/// DJ_BENCH_STORES (e.g. "s3") runs only some stores. The allocations column
/// shows that memory stays flat (streamed).
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*LargeObjectBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class LargeObjectBenchmarks : DatabaseBenchmark
{
    /// <summary>The object's size in MB: DJ_BENCH_OBJECT_MB, 1024 by default.</summary>
    public static readonly int Megabytes = int.TryParse(Environment.GetEnvironmentVariable("DJ_BENCH_OBJECT_MB"), out var mb) ? mb : 1024;
    private const string RawCopy = "raw/stored.dat";

    private LargeRecording _table = null!;
    private BenchStore _store = null!;
    private string _source = "";
    private int _nextId;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "file";

    public static IEnumerable<string> Stores => StoredBlobBenchmarks.Stores;

    /// <summary>The source file, generated once (1 MiB of seeded random bytes repeated) and kept for later runs.</summary>
    public static string SourceFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dj-bench-object-{Megabytes}mb.dat");
        if (File.Exists(path) && new FileInfo(path).Length == (long)Megabytes << 20) return path;
        var chunk = new byte[1 << 20];
        new Random(7).NextBytes(chunk);
        var partial = path + "." + Guid.NewGuid().ToString("N")[..8];
        using (var file = File.Create(partial))
        {
            for (var i = 0; i < Megabytes; i++) file.Write(chunk);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    protected override void Prepare()
    {
        _store = BenchStore.Configure(Instance, Store);
        _table = Schema.Table<LargeRecording>();
        _source = SourceFile();
        _store.WriteFile(RawCopy, _source);
        _table.Insert1(new { recording_id = 0, payload = _source });
    }

    [IterationCleanup(Targets = [nameof(RawWrite), nameof(RawMultipartWrite), nameof(ObjectInsert)])]
    public void RemoveWritten()
    {
        _store.Remove(path => !path.Contains("recording_id=0", StringComparison.Ordinal) && path != RawCopy);
        (_table & "recording_id > 0").DeleteQuick();
    }

    [Benchmark(Baseline = true, Description = "raw: write the file into the store (File stream copy / PutObject)")]
    public long RawWrite() => _store.WriteFile("raw/copy.dat", _source);

    [Benchmark(Description = "raw: the SDK's multipart upload of the file (TransferUtility, 4 parts at once; file: as the baseline)")]
    public long RawMultipartWrite() => _store.UploadFile("raw/multipart.dat", _source);

    [Benchmark(Description = "Insert1 of an <object@> from the file path")]
    public void ObjectInsert() => _table.Insert1(new { recording_id = ++_nextId, payload = _source });

    [Benchmark(Description = "raw: read the stored file (File stream / GetObject)")]
    public long RawRead() => _store.ReadToNull(RawCopy);

    [Benchmark(Description = "Fetch1 + ObjectRef.OpenRead of the stored object")]
    public long ObjectRead()
    {
        var payload = (_table & new { recording_id = 0 }).Fetch1().Payload;
        using var stream = payload.OpenRead();
        stream.CopyTo(Stream.Null, 1 << 20);
        return payload.Size ?? 0;
    }

    protected override void Release() => _store.Dispose();
}
