using System.Numerics;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

[Definition("""
    # arrays kept as .npy files
    arr_id : int32
    ---
    samples = null : <npy@cold>
    fallback = null : <npy@>
    """)]
public partial class Waveform : Manual;

/// <summary><c>&lt;npy@store&gt;</c>: arrays saved as <c>.npy</c> files, read back lazily as <see cref="NpyRef"/>, on a file store and the S3 server.</summary>
public sealed class NpyCodecTests(Backend backend) : BackendTest(backend)
{
    private string root = "";

    [SetUp]
    public void ConfigureStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-npy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "cold"));
        Directory.CreateDirectory(Path.Combine(root, "main"));
        Instance.Config.Set("stores.default", "main");
        Instance.Config.Set("stores.main.protocol", "file");
        Instance.Config.Set("stores.main.location", Path.Combine(root, "main"));
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task ArraysAreSavedAsNpyFilesAndLoadedLazily()
    {
        var waveforms = Schema.Table<Waveform>();
        await waveforms.InsertAsync([
            new { arr_id = 1, samples = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, fallback = new[] { 1, 2 } },
            new { arr_id = 2, samples = NDArray<Complex>.Scalar(new Complex(1, -1)), fallback = (int[]?)null },
            new { arr_id = 3, samples = new NDArray<bool>([2, 2], [true, false, false, true]), fallback = (int[]?)null },
        ]);
        var rows = (await waveforms.FetchAsync()).OrderBy(r => r.ArrId).ToList();

        var first = rows[0].Samples!;
        Assert.That((first.Shape, first.Dtype, first.Rank, first.Length, first.ElementType, first.Store),
            Is.EqualTo(((IReadOnlyList<int>)[2, 3], "float64", 2, 6L, typeof(double), "cold")));
        Assert.That(first.Path, Does.Match($"^_schema/{Schema.Name}/waveform/arr_id=1/samples_[A-Za-z0-9_-]{{8}}\\.npy$"));
        Assert.That(first.Metadata.Select(p => p.Key), Is.EquivalentTo(new[] { "path", "store", "dtype", "shape" }));
        Assert.That(await first.ExistsAsync(), Is.True);
        Assert.That((await first.LoadAsync<double>()).ToArray(), Is.EqualTo(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }));
        Assert.That(first.Load(), Is.EqualTo(NDArray<double>.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } })));
        Assert.Throws<InvalidCastException>(() => first.Load<float>());

        var fallback = rows[0].Fallback!;
        Assert.That((fallback.Store, fallback.Dtype, fallback.ObjectStore.Name), Is.EqualTo(((string?)null, "int32", "main")));
        Assert.That(fallback.Load<int>().Elements.ToArray(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(rows[1].Samples!.Load<Complex>().Item, Is.EqualTo(new Complex(1, -1)));
        Assert.That(rows[1].Samples!.Shape, Is.Empty);
        Assert.That(rows[2].Samples!.Load(), Is.EqualTo(new NDArray<bool>([2, 2], [true, false, false, true])));
        Assert.That(rows[2].Fallback, Is.Null);

        // An NpyRef inserted again keeps its file: no copy is written.
        waveforms.Insert1(new { arr_id = 4, samples = first });
        var again = (waveforms & new { arr_id = 4 }).Fetch1().Samples!;
        Assert.That(again.Path, Is.EqualTo(first.Path));
        Assert.That(Directory.GetFiles(Path.Combine(root, "cold"), "*.npy", SearchOption.AllDirectories), Has.Length.EqualTo(3));
    }

    [Test]
    public void ValuesThatAreNotArraysOfNumbersAreRefusedAndNothingIsWritten()
    {
        var waveforms = Schema.Table<Waveform>();
        var text = Assert.Throws<ArgumentException>(() => waveforms.Insert1(new { arr_id = 1, samples = "1, 2" }))!;
        Assert.That(text.Message, Does.Contain("`samples`").And.Contain("<npy@cold>").And.Contain(waveforms.FullTableName).And.Contain("String"));
        Assert.Throws<ArgumentException>(() => waveforms.Insert1(new { arr_id = 1, samples = new[] { "a", "b" } }));
        Assert.Throws<ArgumentException>(() => waveforms.Insert1(new { arr_id = 1, samples = new[] { new[] { 1.0 }, new[] { 2.0 } } }));
        Assert.That(waveforms.Count(), Is.Zero);
        Assert.That(Directory.GetFiles(root, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void AMissingOrDamagedFileIsReportedWithItsPath()
    {
        var waveforms = Schema.Table<Waveform>();
        waveforms.Insert([new { arr_id = 1, samples = new long[] { 1, 2, 3 } }, new { arr_id = 2, samples = new long[] { 4 } }]);
        var rows = waveforms.Fetch().OrderBy(r => r.ArrId).ToList();
        var (gone, damaged) = (rows[0].Samples!, rows[1].Samples!);
        File.Delete(Path.Combine(root, "cold", gone.Path));
        var file = Path.Combine(root, "cold", damaged.Path);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^4]);

        var missing = Assert.Throws<StoredObjectMissingException>(() => gone.Load())!;
        Assert.That(missing.Message, Does.Contain(gone.Path));
        var truncated = Assert.ThrowsAsync<DataJointException>(() => damaged.LoadAsync())!;
        Assert.That(truncated.Message, Does.Contain(damaged.Path).And.Contain("truncated"));
    }

    [Test]
    public async Task ArraysRoundTripThroughS3()
    {
        var s3 = await S3TestServer.RequireAsync();
        Instance.Config.Set("stores.cold", s3.StoreSettings("tests/" + Guid.NewGuid().ToString("N")));
        var waveforms = Schema.Table<Waveform>();
        var values = new float[300, 1000];
        for (var i = 0; i < 300; i++) values[i, i] = i;
        await waveforms.InsertAsync([new { arr_id = 1, samples = values }]);
        var samples = (await waveforms.FetchAsync()).Single().Samples!;
        Assert.That(samples.Shape, Is.EqualTo(new[] { 300, 1000 }));
        Assert.That((await samples.LoadAsync<float>()).ToArray(), Is.EqualTo(values));
    }
}
