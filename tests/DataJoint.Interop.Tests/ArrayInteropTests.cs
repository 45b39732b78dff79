using System.Numerics;
using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// <c>&lt;npy@store&gt;</c> through one file store shared with DataJoint-Python (python/arrays.py): the arrays Python
/// saves .NET reads with their shape and dtype before loading and the same values after, writes the same <c>.npy</c>
/// bytes for the same C-order arrays, and Python reads what .NET wrote.
/// </summary>
public sealed partial class ArrayInteropTests(Backend backend) : InteropTest(backend)
{
    [Definition("""
        # arrays kept as .npy files
        arr_id : int32
        ---
        samples = null : <npy@cold>   # one array per row
        """)]
    public partial class Waveform : Manual;

    // The arrays of python/arrays.py's ARRAYS, by row (row 5 is Fortran-ordered there; .NET writes C order).
    private static readonly Dictionary<int, object> Arrays = new()
    {
        [1] = new double[,] { { 0, 1, 2 }, { 3, 4, 5 } },
        [2] = new short[] { 1, -2, 3 },
        [3] = new[] { true, false, true },
        [4] = NDArray<double>.Scalar(2.5),
        [5] = new long[,] { { 0, 1, 2 }, { 3, 4, 5 } },
        [6] = new[] { new Complex(1, 2), new Complex(3, -4) },
        [7] = new byte[,] { { 0, 255 }, { 7, 8 } },
        [8] = new float[,,] { { { 0, 1 } }, { { 2, 3 } } },
    };

    private static readonly Dictionary<int, (int[] Shape, string Dtype)> Described = new()
    {
        [1] = ([2, 3], "float64"), [2] = ([3], "int16"), [3] = ([3], "bool"), [4] = ([], "float64"),
        [5] = ([2, 3], "int64"), [6] = ([2], "complex128"), [7] = ([2, 2], "uint8"), [8] = ([2, 1, 2], "float32"),
    };

    private string root = "";

    [SetUp]
    public void ConfigureStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-array-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "main"));
        Directory.CreateDirectory(Path.Combine(root, "cold"));
        Instance.Config.Set("stores.default", "main");
        Instance.Config.Set("stores.main.protocol", "file");
        Instance.Config.Set("stores.main.location", Path.Combine(root, "main"));
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));
        Instance.Config.Set("stores.cold.subfolding", new[] { 2, 2 });
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task DotNetReadsThePythonArraysAndWritesTheSameFiles()
    {
        var pythonSchema = NewSchemaName("npypy");
        await PythonAsync("arrays.py", "write", pythonSchema, root);
        var theirs = (await Instance.Schema(pythonSchema, createSchema: false).Table<Waveform>().FetchAsync()).OrderBy(r => r.ArrId).ToList();
        Assert.That(theirs.Select(r => r.ArrId), Is.EqualTo(Arrays.Keys));

        var ourSchema = NewSchemaName("npynet");
        var ours = Instance.Schema(ourSchema).Table<Waveform>();
        await ours.InsertAsync(Arrays.Select(a => (object)new { arr_id = a.Key, samples = a.Value }));
        var mine = (await ours.FetchAsync()).OrderBy(r => r.ArrId).ToList();

        Assert.Multiple(() =>
        {
            foreach (var (python, dotnet) in theirs.Zip(mine))
            {
                var id = python.ArrId;
                var (shape, dtype) = Described[id];
                Assert.That((python.Samples!.Shape, python.Samples.Dtype), Is.EqualTo(((IReadOnlyList<int>)shape, dtype)), $"row {id}");
                Assert.That(python.Samples.Path, Does.Match($"^_schema/{pythonSchema}/waveform/arr_id={id}/samples_[A-Za-z0-9_-]{{8}}\\.npy$"));
                Assert.That(python.Samples.Load(), Is.EqualTo(Expected(id)), $"row {id}");
                Assert.That((dotnet.Samples!.Shape, dotnet.Samples.Dtype), Is.EqualTo(((IReadOnlyList<int>)shape, dtype)), $"row {id}");
                Assert.That(dotnet.Samples.Metadata.Select(p => p.Key), Is.EquivalentTo(python.Samples.Metadata.Select(p => p.Key)));
                if (id != 5)
                {
                    Assert.That(File.ReadAllBytes(Path.Combine(root, "cold", dotnet.Samples.Path)),
                        Is.EqualTo(File.ReadAllBytes(Path.Combine(root, "cold", python.Samples.Path))), $"row {id}: the same .npy bytes");
                }
            }
        });
    }

    [Test]
    public async Task PythonReadsTheDotNetArrays()
    {
        var schemaName = NewSchemaName("npynet");
        Instance.Schema(schemaName).Table<Waveform>().Insert(Arrays.Select(a => (object)new { arr_id = a.Key, samples = a.Value }));
        var rows = (await PythonAsync("arrays.py", "read", schemaName, root))!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (int)r!["arr_id"]!), Is.EqualTo(Arrays.Keys));
            foreach (var row in rows)
            {
                var id = (int)row!["arr_id"]!;
                Assert.That(row["shape"]!.AsArray().Select(n => (int)n!), Is.EqualTo(Described[id].Shape), $"row {id}");
                Assert.That((string)row["dtype"]!, Is.EqualTo(Described[id].Dtype), $"row {id}");
                Assert.That((bool)row["loaded_before"]!, Is.False, "shape and dtype come from the metadata");
                Assert.That(row["values"]!.ToJsonString(), Is.EqualTo(ExpectedJson(id)), $"row {id}");
            }
        });
    }

    private static object Expected(int id) => Arrays[id] switch
    {
        double[,] a => NDArray<double>.FromArray(a),
        short[] a => NDArray<short>.FromArray(a),
        bool[] a => NDArray<bool>.FromArray(a),
        long[,] a => NDArray<long>.FromArray(a),
        Complex[] a => NDArray<Complex>.FromArray(a),
        byte[,] a => NDArray<byte>.FromArray(a),
        float[,,] a => NDArray<float>.FromArray(a),
        var other => other,
    };

    // Python's tolist() as json.dumps writes it (floats with .0, complex numbers as [real, imaginary]).
    private static string ExpectedJson(int id) => id switch
    {
        1 => "[[0.0,1.0,2.0],[3.0,4.0,5.0]]",
        2 => "[1,-2,3]",
        3 => "[true,false,true]",
        4 => "2.5",
        5 => "[[0,1,2],[3,4,5]]",
        6 => "[[1.0,2.0],[3.0,-4.0]]",
        7 => "[[0,255],[7,8]]",
        _ => "[[[0.0,1.0]],[[2.0,3.0]]]",
    };
}
