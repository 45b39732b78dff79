using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Analysis;

/// <summary>
/// <c>t.Insert(query)</c> as one server-side INSERT … SELECT (plain, skip-duplicates, replace, renamed key, extra
/// attributes), and the glance reads <c>Head</c>, <c>Tail</c>, <c>ToArrays</c> (docs/analysis.md).
/// </summary>
public sealed class InsertFromQueryTests(Backend backend) : BackendTest(backend)
{
    private Specimen Source => Schema.Table<Specimen>();

    private SpecimenCopy Copy => Schema.Table<SpecimenCopy>();

    private void Fill() => Source.Insert(Enumerable.Range(1, 5)
        .Select(i => new Specimen.Row { Item = i, Label = $"s{i}", Weight = i == 3 ? null : i * 1.5 }));

    private Dictionary<int, string> CopiedLabels() => Copy.ToDicts(orderBy: "KEY")
        .ToDictionary(r => Convert.ToInt32(r["item"], System.Globalization.CultureInfo.InvariantCulture), r => (string)r["label"]!);

    [Test]
    public void InsertsAQuerysRowsInOneStatement()
    {
        Fill();
        var written = Copy.Insert((Source & "item > 2").Proj("label"));
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(3));
            Assert.That(CopiedLabels(), Is.EqualTo(new Dictionary<int, string> { [3] = "s3", [4] = "s4", [5] = "s5" }));
        });
    }

    [Test]
    public void DuplicatesFailUnlessSkippedOrReplaced()
    {
        Fill();
        Copy.Insert1(new SpecimenCopy.Row { Item = 4, Label = "old" });
        var query = (Source & "item >= 4").Proj("label");
        Assert.Throws<DuplicateKeyException>(() => Copy.Insert(query));
        Assert.That(CopiedLabels(), Is.EqualTo(new Dictionary<int, string> { [4] = "old" }), "a failed INSERT … SELECT writes nothing");

        Copy.Insert(query, skipDuplicates: true);
        Assert.That(CopiedLabels(), Is.EqualTo(new Dictionary<int, string> { [4] = "old", [5] = "s5" }), "skip keeps the existing row");

        Copy.Insert(query, replace: true);
        Assert.That(CopiedLabels(), Is.EqualTo(new Dictionary<int, string> { [4] = "s4", [5] = "s5" }), "replace overwrites it");
    }

    [Test]
    public async Task InsertsARenamedProjectionAsync()
    {
        Fill();
        var relabelled = Schema.Table<Relabelled>();
        var written = await relabelled.InsertAsync((Source & "item < 3").Proj("specimen = item", "name = label"));
        var rows = relabelled.ToDicts(orderBy: "KEY");
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(2));
            Assert.That(rows.Select(r => (string)r["name"]!), Is.EqualTo(new[] { "s1", "s2" }));
            Assert.That(rows.Select(r => Convert.ToInt32(r["specimen"], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public void ExtraAttributesAndMissingKeysAreClearErrors()
    {
        Fill();
        var extra = Assert.Throws<UnknownAttributeException>(() => Copy.Insert(Source))!;
        Assert.That(extra.Message, Does.Contain("weight").And.Contain("ignoreExtraFields"));
        Assert.That(Copy.Count(), Is.Zero);

        Assert.That(Copy.Insert(Source, ignoreExtraFields: true), Is.EqualTo(5));

        var missing = Assert.Throws<ArgumentException>(() => Schema.Table<Relabelled>().Insert(Source.Proj("name = label"), ignoreExtraFields: true))!;
        Assert.That(missing.Message, Does.Contain("specimen"));
        Assert.Throws<InvalidOperationException>(() => (Copy & "item = 1").Insert(Source.Proj("label")), "a restricted target");
    }

    [Test]
    public void HeadAndTailAreTheEndsInKeyOrder()
    {
        Fill();
        static int[] Items(IEnumerable<IReadOnlyDictionary<string, object?>> rows) =>
            rows.Select(r => Convert.ToInt32(r["item"], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Items(Source.Head(2)), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(Items(Source.Tail(2)), Is.EqualTo(new[] { 4, 5 }));
            Assert.That(Items(Source.Head()), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(Items((Source & "item < 4").Tail(10)), Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task ToArraysGivesParallelColumnsAndKeys()
    {
        Fill();
        var arrays = Source.ToArrays(true, "weight", "label");
        var all = await Source.ToArraysAsync([], orderBy: "item DESC", limit: 2);
        // Without orderBy the rows come in the database's order (SQLite: storage order); the columns stay parallel to the keys.
        var items = arrays.Keys!.Select(k => Convert.ToInt32(k["item"], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var byItem = Enumerable.Range(0, items.Length).OrderBy(i => items[i]).ToArray();
        var labels = arrays.Get<string>("label");
        var weights = arrays.Get<double?>("weight");
        Assert.Multiple(() =>
        {
            Assert.That(arrays.Count, Is.EqualTo(5));
            Assert.That(arrays.Attributes, Is.EqualTo(new[] { "weight", "label" }));
            Assert.That(byItem.Select(i => labels[i]), Is.EqualTo(new[] { "s1", "s2", "s3", "s4", "s5" }));
            Assert.That(byItem.Select(i => weights[i]), Is.EqualTo(new double?[] { 1.5, 3.0, null, 6.0, 7.5 }));
            Assert.That(items.Order(), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(Source.ToArrays("label").Keys, Is.Null);
            Assert.Throws<ArgumentException>(() => _ = arrays["item"], "not requested");
            Assert.That(all.Attributes, Is.EqualTo(new[] { "item", "label", "weight" }));
            Assert.That(all.Get<int>("item"), Is.EqualTo(new[] { 5, 4 }));
        });
    }
}

[Definition("""
    item : int32
    ---
    label : varchar(16)
    weight = null : float64
    """)]
public partial class Specimen : Manual;

[Definition("""
    item : int32
    ---
    label : varchar(16)
    """)]
public partial class SpecimenCopy : Manual;

[Definition("""
    specimen : int32
    ---
    name : varchar(16)
    """)]
public partial class Relabelled : Manual;
