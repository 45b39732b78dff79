using BenchmarkDotNet.Attributes;

namespace DataJoint.Benchmarks.Storage;

/// <summary>
/// One large <c>&lt;object@store&gt;</c> value (<see cref="Megabytes"/> MB from a file) inserted and read back through a
/// <c>file</c> store, next to the raw work of the same bytes with <see cref="File"/> streams in the same run: copying the
/// file into the store folder, and reading it back. The allocations column shows that memory stays flat (streamed).
/// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*LargeObjectBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class LargeObjectBenchmarks : DatabaseBenchmark
{
    public const int Megabytes = 512;

    private LargeRecording _table = null!;
    private string _root = "";
    private string _source = "";
    private string _rawCopy = "";
    private int _nextId;

    protected override void Prepare()
    {
        _root = BenchStore.Configure(Instance);
        _table = Schema.Table<LargeRecording>();
        _source = Path.Combine(Path.GetTempPath(), $"dj-bench-{Guid.NewGuid():N}.dat");
        var chunk = new byte[1 << 20];
        new Random(7).NextBytes(chunk);
        using (var file = File.Create(_source))
        {
            for (var i = 0; i < Megabytes; i++) file.Write(chunk);
        }

        _rawCopy = Path.Combine(_root, "raw.dat");
        File.Copy(_source, _rawCopy);
        _table.Insert1(new { recording_id = 0, payload = _source });
    }

    [IterationCleanup(Targets = [nameof(RawWrite), nameof(ObjectInsert)])]
    public void RemoveWritten()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("recording_id=0", StringComparison.Ordinal) && f != _rawCopy))
        {
            File.Delete(file);
        }

        (_table & "recording_id > 0").DeleteQuick();
    }

    [Benchmark(Baseline = true, Description = "raw: File streams copy the file into the store folder")]
    public long RawWrite()
    {
        using var source = File.OpenRead(_source);
        using var target = File.Create(Path.Combine(_root, "copy.dat"));
        source.CopyTo(target, 1 << 20);
        return target.Length;
    }

    [Benchmark(Description = "Insert1 of an <object@> from the file path")]
    public void ObjectInsert() => _table.Insert1(new { recording_id = ++_nextId, payload = _source });

    [Benchmark(Description = "raw: File stream reads the stored file")]
    public long RawRead()
    {
        using var source = File.OpenRead(_rawCopy);
        source.CopyTo(Stream.Null, 1 << 20);
        return source.Length;
    }

    [Benchmark(Description = "Fetch1 + ObjectRef.OpenRead of the stored object")]
    public long ObjectRead()
    {
        var payload = (_table & new { recording_id = 0 }).Fetch1().Payload;
        using var stream = payload.OpenRead();
        stream.CopyTo(Stream.Null, 1 << 20);
        return payload.Size ?? 0;
    }

    protected override void Release()
    {
        File.Delete(_source);
        Directory.Delete(_root, recursive: true);
    }
}
