using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Codecs;

/// <summary>A value kept through <see cref="GraphCodec"/>: a node count and its edges.</summary>
public sealed record Graph(int Nodes, double[] Weights)
{
    public bool Equals(Graph? other) => other is not null && Nodes == other.Nodes && Weights.SequenceEqual(other.Weights);

    public override int GetHashCode() => Nodes;
}

/// <summary>A codec storing into another codec, <c>&lt;blob&gt;</c> (and with a store, <c>&lt;blob@store&gt;</c> then <c>&lt;hash@store&gt;</c>).</summary>
[Codec("graph")]
public sealed class GraphCodec : Codec<Graph>
{
    public override string Name => "graph";

    public override string StoredType(bool inStore) => "<blob>";

    public override object? Encode(Graph value, CodecContext context) => new Dictionary<string, object?> { ["nodes"] = value.Nodes, ["weights"] = value.Weights };

    public override Graph Decode(object stored, CodecContext context)
    {
        var fields = (IDictionary<string, object?>)stored;
        return new Graph(Convert.ToInt32(fields["nodes"], System.Globalization.CultureInfo.InvariantCulture), (double[])fields["weights"]!);
    }

    public override void Validate(Graph value)
    {
        if (value.Nodes < 0) throw new ArgumentException($"A graph has no negative node count ({value.Nodes}).", nameof(value));
    }
}

/// <summary>A codec storing a core type, <c>int32</c>, whose values are a value type.</summary>
[Codec("visits")]
public sealed class VisitsCodec : Codec<TimeSpan>
{
    public override string Name => "visits";

    public override string StoredType(bool inStore) => "int32";

    public override object? Encode(TimeSpan value, CodecContext context) => (int)value.TotalSeconds;

    public override TimeSpan Decode(object stored, CodecContext context) => TimeSpan.FromSeconds((int)stored);
}

/// <summary>A codec storing json, and one storing into it (a chain of custom codecs).</summary>
[Codec("label")]
public sealed class LabelCodec : Codec<string>
{
    public override string Name => "label";

    public override string StoredType(bool inStore) => "json";

    public override object? Encode(string value, CodecContext context) => new JsonObject { ["text"] = value, ["attribute"] = context.Attribute };

    public override string Decode(object stored, CodecContext context) => (string)((JsonNode)stored)["text"]!;
}

[Codec("shout")]
public sealed class ShoutCodec : Codec<string>
{
    public override string Name => "shout";

    public override string StoredType(bool inStore) => "<label>";

    public override object? Encode(string value, CodecContext context) => value.ToUpperInvariant();

    public override string Decode(object stored, CodecContext context) => (string)stored + "!";
}

[Definition("""
    # networks kept through custom codecs
    net_id : int32
    ---
    graph : <graph>                  # in the table, through <blob>
    archived = null : <graph@cold>   # through <blob@cold>, <hash@cold>
    visits = null : <visits>
    label = null : <label>
    loud = null : <shout>
    """)]
public partial class Network : Manual;

/// <summary>Custom codecs (<see cref="ICodec"/>) registered on the instance: declared, written and read through their chains.</summary>
public sealed class CustomCodecTests(Backend backend) : BackendTest(backend)
{
    private string root = "";

    [SetUp]
    public void RegisterCodecsAndStores()
    {
        root = Path.Combine(Path.GetTempPath(), "dj-custom-codecs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "cold"));
        Instance.Config.Set("stores.cold.protocol", "file");
        Instance.Config.Set("stores.cold.location", Path.Combine(root, "cold"));
        foreach (ICodec codec in new ICodec[] { new GraphCodec(), new VisitsCodec(), new LabelCodec(), new ShoutCodec() }) Instance.Codecs.Register(codec);
    }

    [TearDown]
    public void RemoveStores() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task ValuesRoundTripThroughTheirCodecChains()
    {
        var networks = Schema.Table<Network>();
        var graph = new Graph(3, [0.5, 1.5]);
        networks.Insert1(new Network.Row { NetId = 1, Graph = graph, Archived = graph, Visits = TimeSpan.FromMinutes(2), Label = "lab", Loud = "hey" });
        await networks.InsertAsync([new { net_id = 2, graph = new Graph(0, []) }]);

        var rows = (await networks.FetchAsync()).OrderBy(r => r.NetId).ToList();
        Assert.That(rows[0], Is.EqualTo(new Network.Row { NetId = 1, Graph = graph, Archived = graph, Visits = TimeSpan.FromMinutes(2), Label = "lab", Loud = "HEY!" }));
        Assert.That((rows[1].Graph, rows[1].Archived, rows[1].Visits, rows[1].Label), Is.EqualTo((new Graph(0, []), (Graph?)null, (TimeSpan?)null, (string?)null)));

        var untyped = (networks & new { net_id = 1 }).ToDicts().Single();
        Assert.That((untyped["graph"], untyped["visits"], untyped["loud"]), Is.EqualTo(((object)graph, (object)TimeSpan.FromMinutes(2), (object)"HEY!")));
        var stored = Instance.Connection.Query($"SELECT {Q("visits")} AS v, {Q("label")} AS l, {Q("archived")} AS a FROM {networks.FullTableName} WHERE {Q("net_id")} = 1")[0];
        Assert.That(Convert.ToInt32(stored["v"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(120));
        Assert.That(JsonNode.Parse((string)stored["l"]!)!["text"]!.GetValue<string>(), Is.EqualTo("lab"));
        var archived = HashedObject.Parse((string)stored["a"]!);
        Assert.That((archived.Store, File.Exists(Path.Combine(root, "cold", archived.Path))), Is.EqualTo(("cold", true)));
    }

    [Test]
    public void ColumnsAreDeclaredFromTheEndOfEachChain()
    {
        Schema.Table<Network>();
        var columns = Instance.Connection.Query(Backend == Backend.MySql
            ? $"SELECT column_name AS n, column_type AS t, column_comment AS c FROM information_schema.columns WHERE table_schema = {P(0)} AND table_name = 'network'"
            : $"SELECT a.attname AS n, format_type(a.atttypid, a.atttypmod) AS t, col_description(a.attrelid, a.attnum) AS c FROM pg_attribute a "
              + $"JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace s ON s.oid = k.relnamespace WHERE s.nspname = {P(0)} AND k.relname = 'network' AND a.attnum > 0",
            Schema.Name).ToDictionary(r => (string)r["n"]!, r => ((string)r["t"]!, (string)r["c"]!));
        var (json, binary, integer) = Backend == Backend.MySql ? ("longtext", "longblob", "int") : ("jsonb", "bytea", "integer");
        Assert.Multiple(() =>
        {
            Assert.That(columns["graph"], Is.EqualTo((binary, ":<graph>:in the table, through <blob>")));
            Assert.That(columns["archived"], Is.EqualTo((json, ":<graph@cold>:through <blob@cold>, <hash@cold>")));
            Assert.That(columns["visits"].Item1, Does.StartWith(integer));
            Assert.That(columns["label"], Is.EqualTo((json, ":<label>:")));
            Assert.That(columns["loud"], Is.EqualTo((json, ":<shout>:")));
        });
        Assert.That(() => Schema.Table<Network>(), Throws.Nothing, "a declared table validates against its class");
    }

    [Test]
    public void ARefusedValueNamesTheAttributeAndNothingIsWritten()
    {
        var networks = Schema.Table<Network>();
        var refused = Assert.Throws<ArgumentException>(() => networks.Insert1(new Network.Row { NetId = 1, Graph = new Graph(-1, []) }))!;
        Assert.That(refused.Message, Does.Contain("`graph`").And.Contain(networks.FullTableName).And.Contain("negative"));
        var wrongType = Assert.Throws<ArgumentException>(() => networks.Insert1(new { net_id = 1, graph = "not a graph" }))!;
        Assert.That(wrongType.Message, Does.Contain("<graph>").And.Contain("Graph").And.Contain("String"));
        Assert.That(networks.Count(), Is.Zero);
    }

    [Test]
    public void AnUnregisteredCodecIsRefusedWhenDeclaring()
    {
        var other = NewInstance();
        var schema = other.Schema(Schema.Name);
        var unknown = Assert.Throws<DefinitionException>(() => schema.Table<Network>())!;
        Assert.That(unknown.Message, Does.Contain("<graph>").And.Contain("instance.Codecs.Register"));
    }

    [Test]
    public void RegistrationRefusesBuiltInAndTakenNames()
    {
        Assert.That(() => Instance.Codecs.Register(new GraphCodec()), Throws.Nothing, "registering the same codec again");
        Assert.That(Instance.Codecs.Names, Is.EqualTo(new[] { "graph", "label", "shout", "visits" }));
        Assert.Throws<ArgumentException>(() => Instance.Codecs.Register(new NamedCodec("blob")));
        Assert.Throws<ArgumentException>(() => Instance.Codecs.Register(new NamedCodec("graph")));
        Assert.Throws<ArgumentException>(() => Instance.Codecs.Register(new NamedCodec("not a name")));
    }

    private sealed class NamedCodec(string name) : ICodec
    {
        public string Name => name;

        public string StoredType(bool inStore) => "json";

        public object? Encode(object value, CodecContext context) => value;

        public object? Decode(object stored, CodecContext context) => stored;
    }
}
