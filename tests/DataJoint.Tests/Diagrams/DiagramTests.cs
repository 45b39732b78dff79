using System.Xml.Linq;
using DataJoint.Tests.Changes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Diagrams;

/// <summary>Diagram set algebra and drawing on the cascade schema (docs/diagrams.md), on both backends.</summary>
public sealed class DiagramTests(Backend backend) : BackendTest(backend)
{
    // The schema's foreign keys, written out by hand: parent → child, with the renamed one marked.
    private static readonly (string Parent, string Child, bool Renamed)[] ForeignKeys =
    [
        ("lab", "animal", false), ("animal", "recording", false), ("recording", "recording__channel", false),
        ("recording__channel", "spike", false), ("animal", "pairing", false), ("animal", "pairing", true),
        ("lab", "sitting", false), ("sitting", "sitting__rig_use", false), ("rig", "sitting__rig_use", false),
    ];

    private static readonly string[] AllTables =
        ["lab", "animal", "recording", "recording__channel", "spike", "pairing", "rig", "sitting", "sitting__rig_use"];

    private void Declare()
    {
        _ = Schema.Table<Spike>();
        _ = Schema.Table<Pairing>();
        _ = Schema.Table<Sitting>();
    }

    private string Id(string table) => $"{Schema.Name}.{table}";

    private string Full(string table) => $"{FullName(Schema.Name, table)}";

    [Test]
    public void TheSvgIsWellFormedWithEveryTableANodeAndEveryForeignKeyAnEdge()
    {
        Declare();
        var svg = XDocument.Parse(Diagram.Of(Schema).ToSvg());
        XNamespace ns = "http://www.w3.org/2000/svg";
        string Title(XElement g) => g.Element(ns + "title")!.Value;
        var groups = svg.Descendants(ns + "g").ToList();
        var nodes = groups.Where(g => (string?)g.Attribute("class") == "node").Select(Title).ToList();
        var edges = groups.Where(g => (string?)g.Attribute("class") == "edge").Select(Title).ToList();
        var clusters = groups.Where(g => (string?)g.Attribute("class") == "cluster").Select(Title).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(svg.Root!.Name, Is.EqualTo(ns + "svg"));
            Assert.That(nodes, Is.EquivalentTo(AllTables.Select(Id)));
            // Graphviz titles an edge "from->to"; parallel keys give one edge each.
            Assert.That(edges, Is.EquivalentTo(ForeignKeys.Select(k => $"{Id(k.Parent)}->{Id(k.Child)}")));
            Assert.That(clusters, Is.EqualTo(new[] { "cluster_" + Schema.Name }));
            var labels = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
            Assert.That(labels, Is.SupersetOf(new[] { "Lab", "Animal", "Recording", "Recording.Channel", "Sitting.RigUse", "Pairing", Schema.Name }));
        });
    }

    [Test]
    public void DotAndMermaidCarryTierStylesRenamedKeysAndClusters()
    {
        Declare();
        var diagram = Diagram.Of(Schema);
        var dot = diagram.ToDot();
        var mermaid = diagram.ToMermaid();
        Assert.Multiple(() =>
        {
            Assert.That(dot, Does.StartWith("digraph DataJoint {"));
            Assert.That(dot, Does.Contain($"subgraph \"cluster_{Schema.Name}\""));
            Assert.That(dot, Does.Contain($"\"{Id("animal")}\" -> \"{Id("pairing")}\" [color=\"#FF8800\""), "the renamed key is orange");
            Assert.That(dot, Does.Contain("tooltip=\"buddy_lab ← lab; buddy ← animal\""));
            Assert.That(dot, Does.Contain($"\"{Id("lab")}\" [label=<<u>Lab</u>>, shape=box"), "a manual table introducing its key: underlined box");
            Assert.That(dot, Does.Contain($"\"{Id("pairing")}\" [label=\"Pairing\""), "Pairing adds no key attribute: not underlined");
            Assert.That(dot, Does.Contain($"\"{Id("recording__channel")}\" [label=<<u>Recording.Channel</u>>, shape=plaintext"));
            Assert.That(mermaid, Does.StartWith("flowchart TB\n"));
            Assert.That(mermaid, Does.Contain("Animal\"]:::manual"));
            Assert.That(mermaid.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal) || l.Contains("-.->", StringComparison.Ordinal)),
                Is.EqualTo(ForeignKeys.Length));
            Assert.That(mermaid, Does.Contain("linkStyle ").And.Contain("stroke:#FF8800"));
            Assert.That(diagram.WithDirection(DiagramDirection.LeftToRight).ToMermaid(), Does.StartWith("flowchart LR\n"));
        });
    }

    [Test]
    public async Task SetAlgebraPicksTablesAsDataJointDoes()
    {
        Declare();
        var animal = Diagram.Of(Schema.Table<Animal>());
        var whole = await Diagram.OfAsync(Schema);
        Assert.Multiple(() =>
        {
            Assert.That(animal.Tables, Is.EqualTo(new[] { Full("animal") }));
            Assert.That((animal + 1).Tables, Is.EquivalentTo(new[] { Full("animal"), Full("recording"), Full("pairing") }));
            Assert.That((animal - 1).Tables, Is.EqualTo(new[] { Full("lab"), Full("animal") }), "parents first");
            Assert.That((animal + 2).Tables, Does.Contain(Full("recording__channel")).And.Not.Contain(Full("spike")));
            Assert.That((animal + 99).Tables, Has.Count.EqualTo(5));
            Assert.That((whole - Diagram.Of(Schema.Table<Lab>())).Tables, Has.Count.EqualTo(AllTables.Length - 1).And.Not.Contain(Full("lab")));
            Assert.That((whole * (animal + 1)).Tables, Has.Count.EqualTo(3));
            Assert.That((Diagram.Of(Schema.Table<Lab>()) + animal).Tables, Is.EqualTo(new[] { Full("lab"), Full("animal") }));
            Assert.That(Diagram.Of(Schema.Table<Sitting>()).AddParts().Tables, Is.EqualTo(new[] { Full("sitting"), Full("sitting__rig_use") }));
            Assert.That(whole.Tables, Has.Count.EqualTo(AllTables.Length));
        });
    }

    [Test]
    public void CollapseDrawsASchemaAsOneBoxAndExpandedTablesWin()
    {
        Declare();
        var collapsed = Diagram.Of(Schema).Collapse();
        var dot = collapsed.ToDot();
        Assert.That(dot, Does.Contain("label=\"(9 tables)\", shape=box3d"));
        Assert.That(dot, Does.Not.Contain("->"), "edges inside one collapsed schema vanish");

        var mixed = collapsed + Diagram.Of(Schema.Table<Animal>());
        var mixedDot = mixed.ToDot();
        Assert.Multiple(() =>
        {
            Assert.That(mixedDot, Does.Contain("label=\"(8 tables)\""));
            Assert.That(mixedDot, Does.Contain($"\"{Id("animal")}\" [label=<<u>Animal</u>>"));
            // Parent lab and children recording/pairing are in the box: one arrow each way, however many keys.
            Assert.That(mixedDot, Does.Contain($"\"schema {Schema.Name}\" -> \"{Id("animal")}\""));
            Assert.That(mixedDot, Does.Contain($"\"{Id("animal")}\" -> \"schema {Schema.Name}\""));
            Assert.That(mixedDot.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(mixed.ToMermaid(), Does.Contain("[[\"(8 tables)\"]]:::collapsed"));
        });
    }

    [Test]
    public async Task PngAndFilesAreWrittenAndAMissingGraphvizIsNamed()
    {
        Declare();
        var diagram = Diagram.Of(Schema);
        var png = diagram.ToPng();
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG signature");
        // Kept as a test attachment, for a person to look at.
        var kept = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"diagram-{Backend}.png");
        File.WriteAllBytes(kept, png);
        TestContext.AddTestAttachment(kept);
        var dir = Directory.CreateTempSubdirectory("dj-diagram-");
        try
        {
            await diagram.SaveAsync(Path.Combine(dir.FullName, "schema.svg"));
            diagram.Save(Path.Combine(dir.FullName, "schema.png"));
            diagram.Save(Path.Combine(dir.FullName, "schema.mmd"));
            diagram.Save(Path.Combine(dir.FullName, "schema.dot"));
            Assert.That(XDocument.Load(Path.Combine(dir.FullName, "schema.svg")).Root!.Name.LocalName, Is.EqualTo("svg"));
            Assert.That(File.ReadAllText(Path.Combine(dir.FullName, "schema.mmd")), Is.EqualTo(diagram.ToMermaid()));
            Assert.That(File.ReadAllText(Path.Combine(dir.FullName, "schema.dot")), Is.EqualTo(diagram.ToDot()));
            Assert.That(new FileInfo(Path.Combine(dir.FullName, "schema.png")).Length, Is.EqualTo(png.Length));
            Assert.Throws<ArgumentException>(() => diagram.Save(Path.Combine(dir.FullName, "schema.pdf")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        var noGraphviz = diagram.SearchingGraphvizIn("");
        var error = Assert.Throws<InvalidOperationException>(() => noGraphviz.ToSvg());
        Assert.That(error!.Message, Does.Contain("Graphviz").And.Contain("apt-get install graphviz").And.Contain("ToMermaid()"));
        Assert.ThrowsAsync<InvalidOperationException>(() => noGraphviz.ToPngAsync());
        Assert.That(noGraphviz.ToDot(), Is.EqualTo(diagram.ToDot()), "text outputs need nothing installed");
    }
}
