using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Declaration;

/// <summary>Bad rows get specific exceptions and leave the database unchanged (issue "Bad input" list).</summary>
public sealed class InsertErrorTests(Backend backend) : BackendTest(backend)
{
    private static Probe.Row Row(int id) => new() { ProbeId = id, Label = $"p{id}", Gain = 1, Taken = new DateOnly(2025, 1, 1) };

    [TestCase(1)]
    [TestCase(2500)]
    public void ABadRowInABatchLeavesNothingWritten(int badAt)
    {
        var probes = Schema.Table<Probe>();
        probes.Insert1(Row(badAt), allowDirectInsert: false);
        var rows = Enumerable.Range(1, Math.Max(600, badAt + 500)).Where(i => i != badAt).Select(Row).ToList();
        rows.Insert(499, Row(badAt)); // the 500th row repeats an existing key
        Assert.Throws<DuplicateKeyException>(() => probes.Insert(rows));
        Assert.That(probes.Count(), Is.EqualTo(1), "neither the rows before nor after the bad one were kept");
    }

    [Test]
    public async Task AFailedMultiStatementInsertInsideATransactionKeepsNothingAndTheTransactionGoesOn()
    {
        Instance.Config.Insert.Bulk = BulkInsertMode.Never;
        var probes = Schema.Table<Probe>();
        probes.Insert1(Row(2000));
        var rows = Enumerable.Range(1, 2500).Select(Row).ToList(); // several statements; the bad key is in the second
        await using (var tx = await Instance.Connection.TransactionAsync())
        {
            Assert.ThrowsAsync<DuplicateKeyException>(() => probes.InsertAsync(rows));
            probes.Insert1(Row(3000));
            await tx.CommitAsync();
        }

        Assert.That(probes.Column<int>("probe_id").Order(), Is.EqualTo(new[] { 2000, 3000 }),
            "the statements before the failing one were undone; the caller's later work was committed");
    }

    [Test]
    public void UnknownAndMissingAttributesAreNamed()
    {
        var probes = Schema.Table<Probe>();
        var unknown = Assert.Throws<UnknownAttributeException>(() => probes.Insert1(new { probe_id = 1, label = "x", gain = 1, taken = new DateOnly(2025, 1, 1), colour = "red" }));
        Assert.That(unknown!.Message, Does.Contain("colour").And.Contain("probe").And.Contain("ignoreExtraFields"));
        var missing = Assert.Throws<MissingAttributeException>(() => probes.Insert1(new { probe_id = 1, gain = 1, taken = new DateOnly(2025, 1, 1) }));
        Assert.That(missing!.Message, Does.Contain("label"));
        Assert.Throws<MissingAttributeException>(() => probes.Insert1(new Dictionary<string, object?>
        {
            ["probe_id"] = 2, ["label"] = null, ["gain"] = 1, ["taken"] = new DateOnly(2025, 1, 1),
        }));
        Assert.That(probes.Count(), Is.Zero);
    }

    [Test]
    public void ValuesTheColumnCannotHoldAreRejected()
    {
        var probes = Schema.Table<Probe>();
        Assert.Multiple(() =>
        {
            Assert.That(() => probes.Insert1(Row(1) with { Label = "much too long" }), Throws.InstanceOf<DataJointException>(), "string too long");
            Assert.That(() => probes.Insert1(new { probe_id = 2, label = "x", gain = 1, taken = "not a date" }), Throws.InstanceOf<DataJointException>(),
                "wrong value type");
            Assert.That(() => probes.Insert1(new { probe_id = 3, label = "x", gain = 1, taken = new DateOnly(2025, 1, 1), mode = "sideways" }),
                Throws.InstanceOf<DataJointException>(), "value outside the enum");
        });
        Assert.That(probes.Count(), Is.Zero);
    }

    [Test]
    public void AnOutOfRangeInt8IsRejectedOnBothBackends()
    {
        var probes = Schema.Table<Probe>();
        // MySQL's tinyint rejects 300 in strict mode; PostgreSQL stores int8 as smallint, so the check is ours.
        var ex = Assert.Catch<DataJointException>(() => probes.Insert1(new { probe_id = 1, label = "x", gain = 300, taken = new DateOnly(2025, 1, 1) }));
        Assert.That(ex!.Message, Does.Contain("gain"));
        Assert.That(probes.Count(), Is.Zero);
    }

    [Test]
    public void ForeignKeyViolationsAreIntegrityErrors()
    {
        var samples = Schema.Table<ProbeSample>();
        var ex = Assert.Throws<IntegrityException>(() => samples.Insert1(new ProbeSample.Row { ProbeId = 9, SampleIdx = 1, Value = 1 }));
        Assert.That(ex!.Message, Does.Contain("probe_sample"));
        Assert.That(ex.InnerException, Is.Not.Null);
        Assert.That(samples.Count(), Is.Zero);
    }

    [Test]
    public void ReplaceOverwritesOnBothBackends()
    {
        var probes = Schema.Table<Probe>();
        probes.Insert1(Row(1));
        probes.Insert1(Row(1) with { Label = "new", Reading = 2.5 }, replace: true);
        var row = probes.Fetch1();
        Assert.That((row.Label, row.Reading), Is.EqualTo(("new", (double?)2.5)));
    }

    [Test]
    public async Task InsertOptionsAsOneValueActAsTheirFlags()
    {
        var probes = Schema.Table<Probe>();
        probes.Insert1(Row(1), InsertOptions.Default);
        probes.Insert([Row(1) with { Label = "skipped" }, Row(2)], new InsertOptions(SkipDuplicates: true));
        await probes.Insert1Async(Row(2) with { Label = "replaced" }, new InsertOptions(Replace: true));
        await probes.InsertAsync([new { probe_id = 3, label = "c", gain = 1, taken = new DateOnly(2025, 1, 1), extra = 9 }],
            new InsertOptions(IgnoreExtraFields: true));
        Assert.That(probes.Fetch().OrderBy(p => p.ProbeId).Select(p => p.Label), Is.EqualTo(new[] { Row(1).Label, "replaced", "c" }));
        Assert.Throws<DuplicateKeyException>(() => probes.Insert1(Row(3), InsertOptions.Default));
    }
}
