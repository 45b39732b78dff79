using System.Collections.Concurrent;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

[Definition("""
    # recordings whose values are content in a store
    take_id : int32
    ---
    trace = null : <blob@cold>
    sheet = null : <attach@cold>
    raw = null : <hash@cold>
    network = null : <graph@cold>    # a custom codec ending in <blob@cold>
    label = "" : varchar(32)
    """)]
public partial class StoredTake : Manual;

/// <summary>
/// Fetches of values kept in a store's hash section (<c>&lt;blob@&gt;</c>, <c>&lt;attach@&gt;</c>, <c>&lt;hash@&gt;</c>
/// and a custom codec ending in one), on a file store and on the S3 server: the asynchronous fetches return what the
/// synchronous ones do, read the store asynchronously (every store read is recorded with its mode), and stop when
/// their token is cancelled.
/// </summary>
public sealed class AsyncStoredReadTests(Backend backend) : BackendTest(backend)
{
    private const int Rows = 6;
    private string folder = "";
    private RecordingProtocol recording = null!;

    [TearDown]
    public void RemoveStore()
    {
        if (folder.Length > 0 && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [TestCase("file")]
    [TestCase("s3")]
    public async Task AsyncFetchesReturnTheSynchronousValuesAndReadTheStoreAsynchronously(string protocol)
    {
        var takes = await Filled(protocol);
        recording.Reads.Clear();
        var expected = takes.Fetch().OrderBy(r => r.TakeId).ToList();
        Assert.That(recording.Reads, Has.Count.EqualTo(StoredValues).And.All.EqualTo(true), "the synchronous fetch reads the store synchronously");
        Assert.That(expected.Select(r => r.Trace), Is.EqualTo(Enumerable.Range(1, Rows).Select(Trace)), "the values inserted");

        recording.Reads.Clear();
        var typed = (await takes.FetchAsync()).OrderBy(r => r.TakeId).ToList();
        var dicts = (await takes.ToDictsAsync(orderBy: "take_id")).ToList();
        var streamed = new List<StoredTake.Row>();
        await foreach (var row in takes.Stream()) streamed.Add(row);
        var column = await takes.ColumnAsync<byte[]>("raw", orderBy: "take_id");
        var one = await (takes & new { take_id = 2 }).Fetch1Async<Graph>("network");
        var records = (await takes.FetchAsync<TakeRecord>(orderBy: "take_id")).ToList();
        Assert.That(recording.Reads, Has.Count.EqualTo(StoredValues * 3 + Rows + 1 + (Rows - 1)), "each async fetch read the stored values it returns, no others");
        Assert.That(recording.Reads, Has.All.EqualTo(false), "no store read of an asynchronous fetch was synchronous");

        Assert.Multiple(() =>
        {
            Assert.That(typed, Is.EqualTo(expected).Using<StoredTake.Row>(SameRow));
            Assert.That(streamed.OrderBy(r => r.TakeId), Is.EqualTo(expected).Using<StoredTake.Row>(SameRow));
            Assert.That(dicts.Select(d => d["trace"]), Is.EqualTo(expected.Select(r => r.Trace)));
            Assert.That(dicts.Select(d => d["sheet"]), Is.EqualTo(expected.Select(r => r.Sheet)));
            Assert.That(dicts.Select(d => d["raw"]), Is.EqualTo(expected.Select(r => r.Raw)));
            Assert.That(dicts.Select(d => d["network"]), Is.EqualTo(expected.Select(r => r.Network)));
            Assert.That(column, Is.EqualTo(expected.Select(r => r.Raw)));
            Assert.That(one, Is.EqualTo(expected[1].Network));
            Assert.That(records.Select(r => r.Sheet), Is.EqualTo(expected.Select(r => r.Sheet)));
            Assert.That(expected[Rows - 1].Sheet, Is.Null, "a NULL stored value reads as null");
        });
    }

    [TestCase("file")]
    [TestCase("s3")]
    public async Task CancellingDuringAStoreReadStopsTheFetch(string protocol)
    {
        var takes = await Filled(protocol);
        using var cancellation = new CancellationTokenSource();
        recording.Reads.Clear();
        recording.BeforeRead = () => cancellation.Cancel();

        Assert.That(async () => await takes.FetchAsync(cancellationToken: cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(recording.Reads, Has.Count.EqualTo(1), "nothing was read after the token was cancelled");

        recording.BeforeRead = null;
        Assert.That(await takes.FetchAsync(), Has.Count.EqualTo(Rows), "the instance reads again after a cancelled fetch");
    }

    // Every row has trace, raw and network; all but the last have a sheet.
    private static int StoredValues => Rows * 4 - 1;

    private async Task<StoredTake> Filled(string protocol)
    {
        recording = new RecordingProtocol(Instance.Stores.Protocols.Find(protocol)!);
        Instance.Stores.Protocols.Register(recording);
        Dictionary<string, object?> settings;
        if (protocol == "s3")
        {
            settings = (await S3TestServer.RequireAsync()).StoreSettings("tests/" + Guid.NewGuid().ToString("N"));
        }
        else
        {
            folder = Path.Combine(Path.GetTempPath(), "dj-async-reads-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            settings = new Dictionary<string, object?>(StringComparer.Ordinal) { ["protocol"] = "file", ["location"] = folder };
        }

        settings["protocol"] = recording.Name;
        Instance.Config.Set("stores.cold", settings);
        Instance.Codecs.Register(new GraphCodec());
        var takes = Schema.Table<StoredTake>();
        await takes.InsertAsync(Enumerable.Range(1, Rows).Select(i => new StoredTake.Row
        {
            TakeId = i,
            Trace = Trace(i),
            Sheet = i == Rows ? null : new Attachment($"sheet{i}.csv", [(byte)i, 0, (byte)(i * 2)]),
            Raw = [(byte)i, (byte)(i + 1)],
            Network = new Graph(i, [i * 0.5, i * 1.5]),
            Label = $"take {i}",
        }));
        return takes;
    }

    private static double[] Trace(int i) => [i, i * 10.0, i * 100.0];

    private static bool SameRow(StoredTake.Row a, StoredTake.Row b) =>
        a.TakeId == b.TakeId && ((double[])a.Trace!).SequenceEqual((double[])b.Trace!) && Equals(a.Sheet, b.Sheet)
        && a.Raw!.SequenceEqual(b.Raw!) && Equals(a.Network, b.Network) && a.Label == b.Label;

    private sealed record TakeRecord(int TakeId, Attachment? Sheet);

    /// <summary>A protocol over a real one (file or s3) that records the mode of every store read.</summary>
    private sealed class RecordingProtocol(StorageProtocol inner) : StorageProtocol
    {
        public ConcurrentQueue<bool> Reads { get; } = new();

        public Action? BeforeRead { get; set; }

        public override string Name => "recorded" + inner.Name;

        public override IReadOnlyCollection<string> RequiredKeys => inner.RequiredKeys;

        public override IReadOnlyCollection<string> AllowedKeys => inner.AllowedKeys;

        public override void ApplyDefaults(IDictionary<string, object?> values) => inner.ApplyDefaults(values);

        public override void Validate(StoreSpec spec) => inner.Validate(spec);

        public override ObjectStore Open(StoreSpec spec) => new RecordingStore(spec, inner.Open(spec), this);

        public void Record(bool sync)
        {
            BeforeRead?.Invoke();
            Reads.Enqueue(sync);
        }
    }

    private sealed class RecordingStore(StoreSpec spec, ObjectStore inner, RecordingProtocol protocol) : ObjectStore(spec)
    {
        public override string Url(string path) => inner.Url(path);

        protected override string FullPathCore(string path) => inner.FullPath(path);

        protected override async ValueTask<Stream> OpenReadCore(string path, bool sync, CancellationToken ct)
        {
            protocol.Record(sync);
            return sync ? inner.OpenRead(path) : await inner.OpenReadAsync(path, ct);
        }

        protected override async ValueTask<long> WriteCore(string path, Stream content, bool sync, CancellationToken ct) =>
            sync ? inner.Write(path, content) : await inner.WriteAsync(path, content, ct);

        protected override async ValueTask<bool> ExistsCore(string path, bool sync, CancellationToken ct) =>
            sync ? inner.Exists(path) : await inner.ExistsAsync(path, ct);

        protected override async ValueTask<long> SizeCore(string path, bool sync, CancellationToken ct) =>
            sync ? inner.Size(path) : await inner.SizeAsync(path, ct);

        protected override async ValueTask<IReadOnlyList<StoredItem>> ListCore(string folder, bool sync, CancellationToken ct) =>
            sync ? inner.List(folder) : await inner.ListAsync(folder, ct);

        protected override async ValueTask<bool> DeleteCore(string path, bool sync, CancellationToken ct) =>
            sync ? inner.Delete(path) : await inner.DeleteAsync(path, ct);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
