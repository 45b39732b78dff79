using System.Globalization;
using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Bulk;

/// <summary>
/// Large plain inserts are bulk-loaded (PostgreSQL binary COPY, MySQL MySqlBulkCopy) with the statement path's guarantees:
/// exact values, atomicity, the ambient transaction and the same specific exceptions. The log events prove which path ran:
/// 7101 bulk-loaded, 7102 written as statements (with the reason), 7103 bulk loading refused.
/// </summary>
public sealed class BulkInsertTests(Backend backend) : BackendTest(backend)
{
    private const int Rows = 3000;
    private const int BulkLoaded = 7101;
    private const int WrittenAsStatements = 7102;
    private const int Refused = 7103;

    private readonly LogCapture _log = new();

    private static BulkItem.Row Item(int i)
    {
        var row = new BulkItem.Row
        {
            ItemId = i,
            Tiny = (sbyte)((i % 256) - 128),
            Small = (short)((i * 7 % 60000) - 30000),
            Big = (i * 1_000_000_007L) - 5_000_000_000L,
            Ratio = i * 0.25f,
            Value = i / 3.0,
            Amount = (i * 12345.6789m) - 99999.9999m,
            Flag = i % 2 == 0,
            Code = $"c{i % 1000:000}",
            // Tabs, newlines and backslashes are LOAD DATA's own delimiters; multi-byte text checks the encoding.
            Label = i % 3 == 0 ? $"ünïcødé 漢字 🙂 {i}" : $"tab\tnew\nline\\back {i}",
            Kind = (i % 3) switch { 0 => "alpha", 1 => "beta", _ => "gamma" },
            Day = new DateOnly(2020, 1, 1).AddDays(i % 2000),
            Moment = new DateTime(2024, 2, 29, 13, 45, 0).AddMilliseconds(i * 1001L),
            Meta = JsonNode.Parse($$$"""{"a":{{{i}}},"b":[1,"x\ty",null],"c":{"d":true}}""")!,
            Token = new Guid(i, (short)i, 3, [0, 9, 10, 92, 255, 1, 2, 3]),
            Payload = [0, 9, 10, 13, 92, 255, (byte)i, (byte)(i >> 8)],
            Note = i % 5 == 0 ? null : $"note {i}",
            MaybeValue = i % 4 == 0 ? null : i * 1.5,
            MaybeDay = i % 4 == 1 ? null : new DateOnly(1999, 12, 31).AddDays(i),
            MaybeToken = i % 4 == 2 ? null : new Guid(-i, 7, 8, [8, 7, 6, 5, 4, 3, 2, 1]),
            MaybePayload = i % 4 == 3 ? null : [],
            MaybeMeta = i % 4 == 0 ? null : JsonNode.Parse("[]"),
        };

        // Even rows keep the Row's initializers, which are the declared defaults.
        return i % 2 == 0 ? row : row with { Stage = "gamma", Tries = i };
    }

    private static string Describe(BulkItem.Row r) => string.Join(" | ", new object?[]
    {
        r.ItemId, r.Tiny, r.Small, r.Big, r.Ratio, r.Value, r.Amount, r.Flag, r.Code, r.Label, r.Kind, r.Day, r.Moment.ToString("O", CultureInfo.InvariantCulture),
        r.Meta?.ToJsonString(), r.Token, Convert.ToHexString(r.Payload), r.Note, r.MaybeValue, r.MaybeDay, r.MaybeToken,
        r.MaybePayload is null ? "null" : Convert.ToHexString(r.MaybePayload), r.MaybeMeta?.ToJsonString() ?? "null", r.Stage, r.Tries,
    }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    [SetUp]
    public void CaptureLog()
    {
        _log.Clear();
        Instance.Config.LogLevel = "DEBUG"; // 7101 and 7102 are debug events
        Instance.Connection.LoggerFactory = _log;
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ALargeInsertIsBulkLoadedAndRoundTripsEveryTypeExactly(bool async)
    {
        var items = Schema.Table<BulkItem>();
        var rows = Enumerable.Range(1, Rows).Select(Item).ToList();

        if (async) await items.InsertAsync(rows);
        else items.Insert(rows);

        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(1), "one bulk load");
        Assert.That(_log.Messages(BulkLoaded)[0], Does.Contain($"{Rows} rows"));
        Assert.That(_log.Messages(WrittenAsStatements), Is.Empty);
        var fetched = items.Fetch(orderBy: "item_id");
        Assert.That(fetched.Select(Describe), Is.EqualTo(rows.Select(Describe)));
    }

    [Test]
    public void RowsLeavingAttributesToTheirDefaultsAreLoadedWithTheServersDefaults()
    {
        var items = Schema.Table<BulkItem>();
        var rows = Enumerable.Range(1, Rows).Select(i =>
        {
            var row = Item(i).GetAttributeValues().ToDictionary(p => p.Key, p => p.Value);
            if (i % 3 == 0) row.Remove("stage");
            if (i % 4 == 0) row["tries"] = null;
            return row;
        }).ToList();

        items.Insert(rows);

        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(1), "the rows were grouped by the attributes they leave out");
        var expected = Enumerable.Range(1, Rows).Select(i => Item(i) is var r && (i % 3 == 0 || i % 4 == 0)
            ? r with { Stage = i % 3 == 0 ? "beta" : r.Stage, Tries = i % 4 == 0 ? 7 : r.Tries }
            : Item(i));
        Assert.That(items.Fetch(orderBy: "item_id").Select(Describe), Is.EqualTo(expected.Select(Describe)));
    }

    [Test]
    public async Task AStreamedInsertIsBulkLoadedOnceItIsLargeEnough()
    {
        var items = Schema.Table<BulkItem>();

        Assert.That(await items.InsertAsync(Produce(Rows)), Is.EqualTo(Rows));

        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(1));
        Assert.That(await items.CountAsync(), Is.EqualTo(Rows));
        Assert.That(Describe(items.Fetch(orderBy: "item_id DESC", limit: 1).Single()), Is.EqualTo(Describe(Item(Rows))));

        static async IAsyncEnumerable<object> Produce(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                yield return Item(i);
            }
        }
    }

    [Test]
    public void ABulkLoadInsideATransactionThatIsRolledBackLeavesNothing()
    {
        var items = Schema.Table<BulkItem>();
        using (var transaction = Instance.Connection.Transaction())
        {
            items.Insert(Enumerable.Range(1, Rows).Select(Item));
            Assert.That(items.Count(), Is.EqualTo(Rows), "visible inside the transaction");
            Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(1));
        }

        Assert.That(items.Count(), Is.Zero);
    }

    [Test]
    public void AFailedBulkLoadInsideACallersTransactionUndoesOnlyItself()
    {
        var items = Schema.Table<BulkItem>();
        using (var transaction = Instance.Connection.Transaction())
        {
            items.Insert1(Item(1500));
            Assert.Throws<DuplicateKeyException>(() => items.Insert(Enumerable.Range(1, Rows).Select(Item)));
            Assert.That(_log.Messages(WrittenAsStatements), Is.Empty, "the bulk path ran");
            // The insert ran behind a savepoint (MySQL's LOAD DATA kept the good rows; a failed COPY would abort a PostgreSQL
            // transaction): rolling back to it undoes only the insert, and the caller's earlier row and transaction go on.
            Assert.That(items.Count(), Is.EqualTo(1));
            transaction.Commit();
        }

        Assert.That(items.Count(), Is.EqualTo(1));
    }

    [Test]
    public void ADuplicateKeyInTheMiddleLeavesTheTableUnchanged()
    {
        var items = Schema.Table<BulkItem>();
        items.Insert1(Item(1500));
        _log.Clear();
        var rows = Enumerable.Range(1, Rows).Select(Item).ToList();

        var ex = Assert.Throws<DuplicateKeyException>(() => items.Insert(rows));

        Assert.That(ex!.Message, Does.Contain("Bulk-inserting").And.Contain(items.FullTableName).And.Contain("1500").And.Contain("skipDuplicates"));
        Assert.That(ex.InnerException, Is.Not.Null);
        Assert.That(_log.Messages(WrittenAsStatements), Is.Empty, "the bulk path ran and failed");
        Assert.That(items.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task AForeignKeyViolationInTheMiddleIsAnIntegrityErrorAndLeavesNothing()
    {
        var items = Schema.Table<BulkItem>();
        items.Insert(Enumerable.Range(1, 10).Select(Item));
        var parts = Schema.Table<BulkPart>();
        var rows = Enumerable.Range(1, Rows).Select(i => new BulkPart.Row { ItemId = i == 1700 ? 99_999 : 1 + (i % 10), PartIdx = i, Weight = i }).ToList();

        var ex = Assert.ThrowsAsync<IntegrityException>(() => parts.InsertAsync(rows));

        Assert.That(ex!.Message, Does.Contain("Bulk-inserting").And.Contain(parts.FullTableName));
        Assert.That(await parts.CountAsync(), Is.Zero);
    }

    [Test]
    public void AValueTooLongForItsColumnFailsTheWholeLoad()
    {
        var items = Schema.Table<BulkItem>();
        var rows = Enumerable.Range(1, Rows).Select(i => i == 2000 ? Item(i) with { Label = new string('x', 41) } : Item(i)).ToList();

        var ex = Assert.Catch<DataJointException>(() => items.Insert(rows));

        Assert.That(ex!.Message, Does.Contain("Bulk-inserting").And.Contain(items.FullTableName));
        Assert.That(items.Count(), Is.Zero);
    }

    [Test]
    public void ARequiredAttributeLeftEmptyGoesToStatementsAndNamesTheAttribute()
    {
        var items = Schema.Table<BulkItem>();
        var rows = Enumerable.Range(1, Rows).Select(i => i == 2000 ? Item(i) with { Label = null! } : Item(i)).ToList();

        var ex = Assert.Throws<MissingAttributeException>(() => items.Insert(rows));

        Assert.That(ex!.Message, Does.Contain("label"));
        Assert.That(_log.Messages(WrittenAsStatements).Single(), Does.Contain("row 2000").And.Contain("`label`"));
        Assert.That(_log.Messages(BulkLoaded), Is.Empty);
        Assert.That(items.Count(), Is.Zero);
    }

    [Test]
    public void ValuesTheServerMustConvertGoToStatements()
    {
        var items = Schema.Table<BulkPart>();
        Schema.Table<BulkItem>().Insert1(Item(1));
        var rows = Enumerable.Range(1, Rows).Select(i => (object)new { item_id = 1, part_idx = i, weight = i % 2 == 0 ? (object)i.ToString(CultureInfo.InvariantCulture) : i });

        items.Insert(rows);

        Assert.That(_log.Messages(WrittenAsStatements).Single(), Does.Contain("row 2").And.Contain("`weight`").And.Contain("String"));
        Assert.That(_log.Messages(BulkLoaded), Is.Empty);
        Assert.That(items.Count(), Is.EqualTo(Rows));
    }

    [Test]
    public void SkipDuplicatesAndSmallInsertsUseStatements()
    {
        var items = Schema.Table<BulkItem>();
        items.Insert(Enumerable.Range(1, 99).Select(Item));
        items.Insert(Enumerable.Range(1, Rows).Select(Item), skipDuplicates: true);

        Assert.That(_log.Events.Select(e => e.Id), Does.Not.Contain(BulkLoaded).And.Not.Contain(WrittenAsStatements));
        Assert.That(items.Count(), Is.EqualTo(Rows));
    }

    [Test]
    public void TheBulkSettingForcesOrForbidsBulkLoads()
    {
        var items = Schema.Table<BulkItem>();
        Instance.Config["insert.bulk"] = "always";
        items.Insert(Enumerable.Range(1, 5).Select(Item));
        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(1), "always: even five rows");

        Instance.Config.Insert.Bulk = BulkInsertMode.Never;
        items.Insert(Enumerable.Range(6, Rows).Select(Item));
        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(1), "never: statements");

        Instance.Config.Insert.Bulk = BulkInsertMode.Auto;
        items.Insert(Enumerable.Range(20_000, 100).Select(Item));
        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(2), "auto: the default threshold is 100 rows");
        Instance.Config["insert.bulk_threshold"] = 50;
        items.Insert(Enumerable.Range(10_000, 60).Select(Item));
        Assert.That(_log.Messages(BulkLoaded), Has.Count.EqualTo(3), "auto with a threshold of 50: 60 rows");
        Assert.That(items.Count(), Is.EqualTo(5 + Rows + 100 + 60));
        Assert.That(() => Instance.Config["insert.bulk"] = "sometimes", Throws.ArgumentException.With.Message.Contains("insert.bulk"));
    }

    [Test]
    public void ARefusedBulkLoadFallsBackToStatementsAndIsNotRetried()
    {
        // MySQL: the driver refuses LOAD DATA LOCAL when local infile is off (the server's local_infile=OFF refuses the same
        // way). PostgreSQL has no such switch: COPY is always available.
        var instance = NewInstance(new Dictionary<string, object?> { ["database.allow_local_infile"] = false });
        var log = new LogCapture();
        instance.Config.LogLevel = "DEBUG";
        instance.Connection.LoggerFactory = log;
        var items = NewSchema(instance).Table<BulkItem>();

        items.Insert(Enumerable.Range(1, Rows).Select(Item));
        items.Insert(Enumerable.Range(Rows + 1, Rows).Select(Item));

        Assert.That(items.Count(), Is.EqualTo(2 * Rows));
        Assert.That(Describe(items.Fetch(orderBy: "item_id", limit: 1).Single()), Is.EqualTo(Describe(Item(1))));
        if (Backend == Backend.MySql)
        {
            Assert.That(log.Messages(Refused).Single(), Does.Contain("AllowLoadLocalInfile"));
            Assert.That(log.Messages(WrittenAsStatements).Single(), Does.Contain("refused earlier"), "the second insert did not ask again");
            Assert.That(log.Messages(BulkLoaded), Is.Empty);
        }
        else
        {
            Assert.That(log.Messages(BulkLoaded), Has.Count.EqualTo(2));
            Assert.That(log.Messages(Refused), Is.Empty);
        }
    }
}
