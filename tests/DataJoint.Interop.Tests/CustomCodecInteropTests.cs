using System.Text.Json.Nodes;
using DataJoint.Interop.Tests.Infrastructure;

namespace DataJoint.Interop.Tests;

/// <summary>
/// Custom codecs of the same name in both languages (python/custom_codecs.py): a DataJoint-Python <c>dj.Codec</c> and a
/// .NET <see cref="Codec{T}"/> read each other's values — in the table through <c>&lt;blob&gt;</c>, in a store through
/// <c>&lt;blob@cold&gt;</c>, and as json — and declare the same columns.
/// </summary>
public sealed partial class CustomCodecInteropTests(Backend backend) : InteropTest(backend)
{
    /// <summary>The value of python/custom_codecs.py's GraphCodec: a node count and edge weights.</summary>
    public sealed record Graph(long Nodes, IReadOnlyList<double> Weights)
    {
        public bool Equals(Graph? other) => other is not null && Nodes == other.Nodes && Weights.SequenceEqual(other.Weights);

        public override int GetHashCode() => Nodes.GetHashCode();
    }

    /// <summary>The twin of python/custom_codecs.py's GraphCodec: <c>{"nodes", "weights"}</c> through <c>&lt;blob&gt;</c>.</summary>
    [Codec("graph")]
    public sealed class GraphCodec : Codec<Graph>
    {
        public override string Name => "graph";

        public override string StoredType(bool inStore) => "<blob>";

        public override object? Encode(Graph value, CodecContext context) =>
            new Dictionary<string, object?> { ["nodes"] = value.Nodes, ["weights"] = value.Weights.ToArray() };

        public override Graph Decode(object stored, CodecContext context)
        {
            var fields = (IDictionary<string, object?>)stored;
            var weights = fields["weights"] switch
            {
                double[] plain => plain,
                NDArray<double> array => array.Elements.ToArray(),
                var other => throw new InvalidCastException($"weights is a {other?.GetType().Name}"),
            };
            return new Graph(Convert.ToInt64(fields["nodes"], System.Globalization.CultureInfo.InvariantCulture), weights);
        }
    }

    /// <summary>The twin of python/custom_codecs.py's LabelCodec: <c>{"text"}</c> as json.</summary>
    [Codec("label")]
    public sealed class LabelCodec : Codec<string>
    {
        public override string Name => "label";

        public override string StoredType(bool inStore) => "json";

        public override object? Encode(string value, CodecContext context) => new JsonObject { ["text"] = value };

        public override string Decode(object stored, CodecContext context) => (string)((JsonNode)stored)["text"]!;
    }

    [Definition("""
        # networks kept through custom codecs
        net_id : int32
        ---
        graph : <graph>
        archived = null : <graph@cold>
        label = null : <label>
        """)]
    public partial class Network : Manual;

    private string root = "";

    [SetUp]
    public void ConfigureStoresAndCodecs()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-custom-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "main"));
        Directory.CreateDirectory(Path.Combine(root, "cold"));
        Instance.Config.Set("stores.default", "main");
        Instance.Config.Set("stores.main.protocol", "file");
        Instance.Config.Set("stores.main.location", Path.Combine(root, "main"));
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));
        Instance.Config.Set("stores.cold.subfolding", new[] { 2, 2 });
        Instance.Codecs.Register(new GraphCodec());
        Instance.Codecs.Register(new LabelCodec());
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task DotNetReadsWhatPythonsCodecsWrote()
    {
        var schemaName = NewSchemaName("ccodecpy");
        await PythonAsync("custom_codecs.py", "write", schemaName, root);
        var rows = (await Instance.Schema(schemaName, createSchema: false).Table<Network>().FetchAsync()).OrderBy(r => r.NetId).ToList();
        var graph = new Graph(3, [0.5, 1.5]);
        Assert.That(rows[0], Is.EqualTo(new Network.Row { NetId = 1, Graph = graph, Archived = graph, Label = "lab" }));
        Assert.That(rows[1], Is.EqualTo(new Network.Row { NetId = 2, Graph = new Graph(0, [2.0]) }));
    }

    [Test]
    public async Task PythonReadsWhatDotNetsCodecsWrote()
    {
        var schemaName = NewSchemaName("ccodecnet");
        var graph = new Graph(3, [0.5, 1.5]);
        Instance.Schema(schemaName).Table<Network>().Insert([
            new Network.Row { NetId = 1, Graph = graph, Archived = graph, Label = "lab" },
            new Network.Row { NetId = 2, Graph = new Graph(0, [2.0]) },
        ]);
        var rows = (await PythonAsync("custom_codecs.py", "read", schemaName, root))!.AsArray();
        Assert.That(rows.ToJsonString(), Is.EqualTo(
            """[{"net_id":1,"graph":{"nodes":3,"weights":[0.5,1.5]},"archived":{"nodes":3,"weights":[0.5,1.5]},"label":"lab"},"""
            + """{"net_id":2,"graph":{"nodes":0,"weights":[2.0]},"archived":null,"label":null}]"""));
    }
}
