using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Types;
using DataJoint.Tests.Infrastructure;
using Microsoft.Data.Analysis;

namespace DataJoint.Tests.Analysis;

/// <summary>
/// <c>q.ToArrow()</c> and <c>q.ToDataFrame()</c> (package DataJoint.Analysis): a typed column for every core type, NULLs,
/// blobs as their stored bytes, and each value equal to what the typed fetch returns (docs/analysis.md#arrow).
/// </summary>
public sealed class ArrowTests(Backend backend) : BackendTest(backend)
{
    private static readonly Guid Uid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private Columnar Filled()
    {
        var table = Schema.Table<Columnar>();
        table.Insert([
            new Columnar.Row
            {
                Id = 1, Tiny = -128, Small = -32768, Whole = int.MinValue, Big = long.MaxValue, Single = 1.5f, Dbl = -2.25, Money = -123.45m,
                Flag = true, Code = "ab", Label = "😀 ünïcode", Note = "ß", Grade = "b", Day = new DateOnly(2026, 12, 3),
                Taken = new DateTime(2026, 12, 3, 11, 22, 33, 456).AddTicks(7890), Meta = JsonNode.Parse("""{"a": [1, 2]}"""), Uid = Uid,
                Raw = [0, 1, 254, 255], Payload = new[] { 1.0, 2.0 },
            },
            new Columnar.Row { Id = 2, Tiny = 0, Small = 0, Whole = 0, Big = 0, Dbl = 0, Money = 0, Code = "cd", Label = "", Grade = "a" },
        ]);
        return table;
    }

    [Test]
    public void EveryCoreTypeIsATypedColumnHoldingWhatTheFetchReturns()
    {
        var table = Filled();
        using var batch = table.ToArrow(orderBy: "id");
        var rows = table.Fetch(orderBy: "KEY");
        Assert.That(batch.Length, Is.EqualTo(2));
        Assert.That(batch.Schema.FieldsList.Select(f => f.Name), Is.EqualTo(table.Heading.Names));
        Assert.Multiple(() =>
        {
            Assert.That(TypeOf(batch, "tiny"), Is.EqualTo(ArrowTypeId.Int8));
            Assert.That(TypeOf(batch, "small"), Is.EqualTo(ArrowTypeId.Int16));
            Assert.That(TypeOf(batch, "whole"), Is.EqualTo(ArrowTypeId.Int32));
            Assert.That(TypeOf(batch, "big"), Is.EqualTo(ArrowTypeId.Int64));
            Assert.That(TypeOf(batch, "single"), Is.EqualTo(ArrowTypeId.Float));
            Assert.That(TypeOf(batch, "dbl"), Is.EqualTo(ArrowTypeId.Double));
            Assert.That(batch.Schema.GetFieldByName("money").DataType, Is.TypeOf<Decimal128Type>().With.Property("Precision").EqualTo(7).And.Property("Scale").EqualTo(2));
            Assert.That(TypeOf(batch, "flag"), Is.EqualTo(ArrowTypeId.Boolean));
            Assert.That(new[] { "code", "label", "grade", "meta" }.Select(a => TypeOf(batch, a)), Has.All.EqualTo(ArrowTypeId.String));
            Assert.That(TypeOf(batch, "day"), Is.EqualTo(ArrowTypeId.Date32));
            Assert.That(batch.Schema.GetFieldByName("taken").DataType, Is.TypeOf<TimestampType>().With.Property("Unit").EqualTo(TimeUnit.Microsecond)
                .And.Property("Timezone").Null);
            Assert.That(batch.Schema.GetFieldByName("uid").DataType, Is.TypeOf<GuidType>());
            Assert.That(new[] { "raw", "payload" }.Select(a => TypeOf(batch, a)), Has.All.EqualTo(ArrowTypeId.Binary));
            Assert.That(batch.Schema.GetFieldByName("money").Metadata["datajoint.type"], Is.EqualTo("decimal(7,2)"));
            Assert.That(batch.Schema.GetFieldByName("id").Metadata["datajoint.key"], Is.EqualTo("true"));
            Assert.That(batch.Schema.GetFieldByName("flag").IsNullable, Is.True);
            Assert.That(batch.Schema.GetFieldByName("code").IsNullable, Is.False);
        });

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            Assert.Multiple(() =>
            {
                Assert.That(Column<Int32Array>(batch, "id").GetValue(r), Is.EqualTo(row.Id));
                Assert.That(Column<Int8Array>(batch, "tiny").GetValue(r), Is.EqualTo(row.Tiny));
                Assert.That(Column<Int16Array>(batch, "small").GetValue(r), Is.EqualTo(row.Small));
                Assert.That(Column<Int32Array>(batch, "whole").GetValue(r), Is.EqualTo(row.Whole));
                Assert.That(Column<Int64Array>(batch, "big").GetValue(r), Is.EqualTo(row.Big));
                Assert.That(Column<FloatArray>(batch, "single").GetValue(r), Is.EqualTo(row.Single));
                Assert.That(Column<DoubleArray>(batch, "dbl").GetValue(r), Is.EqualTo(row.Dbl));
                Assert.That(Column<Decimal128Array>(batch, "money").GetValue(r), Is.EqualTo(row.Money));
                Assert.That(Column<BooleanArray>(batch, "flag").GetValue(r), Is.EqualTo(row.Flag));
                Assert.That(Column<StringArray>(batch, "code").GetString(r), Is.EqualTo(row.Code));
                Assert.That(Column<StringArray>(batch, "label").GetString(r), Is.EqualTo(row.Label));
                Assert.That(Column<StringArray>(batch, "note").GetString(r), Is.EqualTo(row.Note));
                Assert.That(Column<StringArray>(batch, "grade").GetString(r), Is.EqualTo(row.Grade));
                Assert.That(Column<Date32Array>(batch, "day").GetDateOnly(r), Is.EqualTo(row.Day));
                Assert.That(Column<TimestampArray>(batch, "taken").GetTimestamp(r)?.DateTime, Is.EqualTo(row.Taken));
                Assert.That(Column<StringArray>(batch, "meta").GetString(r) is { } json ? JsonNode.Parse(json)!.ToJsonString() : null,
                    Is.EqualTo(row.Meta?.ToJsonString()));
                Assert.That(((GuidArray)batch.Column("uid")).GetGuid(r), Is.EqualTo(row.Uid));
                Assert.That(Column<BinaryArray>(batch, "raw").IsNull(r) ? null : Column<BinaryArray>(batch, "raw").GetBytes(r).ToArray(), Is.EqualTo(row.Raw));
                var payload = Column<BinaryArray>(batch, "payload");
                Assert.That(payload.IsNull(r) ? null : Blob.Unpack(payload.GetBytes(r).ToArray()), Is.EqualTo(row.Payload), "blobs hold the stored bytes");
            });
        }

        var nulls = new[] { "single", "flag", "note", "day", "taken", "meta", "uid", "raw", "payload" };
        Assert.That(nulls.Select(a => batch.Column(a).IsNull(1)), Has.All.True, "the second row's NULLs");
        Assert.That(nulls.Select(a => batch.Column(a).NullCount), Has.All.EqualTo(1));
    }

    [Test]
    public async Task QueriesPagingAndEmptyResultsReadAsTheirHeading()
    {
        var table = Filled();
        using var projected = await (table & "id = 1").Proj("label", "twice = small + 1").ToArrowAsync();
        Assert.That(projected.Schema.FieldsList.Select(f => f.Name), Is.EqualTo(new[] { "id", "label", "twice" }));
        Assert.That(projected.Length, Is.EqualTo(1));
        using var empty = (table & "id > 10").ToArrow();
        Assert.That((empty.Length, empty.ColumnCount), Is.EqualTo((0, table.Heading.Names.Count)));
        using var last = table.ToArrow(orderBy: "id DESC", limit: 1);
        Assert.That(((Int32Array)last.Column("id")).GetValue(0), Is.EqualTo(2));
    }

    [Test]
    public async Task ADataFrameHasAColumnPerAttribute()
    {
        var table = Filled();
        var frame = await table.ToDataFrameAsync(orderBy: "id");
        Assert.That(frame.Rows.Count, Is.EqualTo(2));
        Assert.That(frame.Columns.Select(c => c.Name), Is.EqualTo(table.Heading.Names));
        Assert.Multiple(() =>
        {
            Assert.That(frame["big"], Is.TypeOf<PrimitiveDataFrameColumn<long>>());
            Assert.That(frame["big"][0], Is.EqualTo(long.MaxValue));
            Assert.That(frame["money"][0], Is.EqualTo(-123.45m));
            Assert.That(frame["flag"][0], Is.EqualTo(true));
            Assert.That(frame["flag"][1], Is.Null);
            Assert.That(frame["label"], Is.TypeOf<StringDataFrameColumn>());
            Assert.That(frame["label"][0], Is.EqualTo("😀 ünïcode"));
            Assert.That(frame["day"][0], Is.EqualTo(new DateTime(2026, 12, 3)));
            Assert.That(frame["taken"][0], Is.EqualTo(new DateTime(2026, 12, 3, 11, 22, 33, 456).AddTicks(7890)));
            Assert.That(frame["uid"][0], Is.EqualTo(Uid.ToString()));
            Assert.That(frame["uid"][1], Is.Null);
            Assert.That(frame["raw"], Is.TypeOf<VBufferDataFrameColumn<byte>>());
            Assert.That(((VBufferDataFrameColumn<byte>)frame["raw"])[0].DenseValues(), Is.EqualTo(new byte[] { 0, 1, 254, 255 }));
            Assert.That(frame["single"].NullCount, Is.EqualTo(1));
        });
        Assert.That(table.ToDataFrame(limit: 1).Rows.Count, Is.EqualTo(1));
    }

    /// <summary>Rows 1..n with every nullable attribute NULL on every third row, so validity bitmaps span several bytes.</summary>
    private Columnar ManyRows(int count)
    {
        var table = Schema.Table<Columnar>();
        table.Insert(Enumerable.Range(1, count).Select(i => i % 3 == 0
            ? new Columnar.Row { Id = i, Tiny = (sbyte)(i % 100), Small = (short)-i, Whole = i * 1000, Big = -i * 100_000L, Dbl = i / 4.0, Money = i + 0.25m,
                Code = "zz", Label = new string('x', i % 30), Grade = "a" }
            : new Columnar.Row
            {
                Id = i, Tiny = (sbyte)-(i % 100), Small = (short)i, Whole = -i, Big = long.MinValue + i, Single = i / 8f, Dbl = -i / 3.0, Money = -i - 0.5m,
                Flag = i % 2 == 0, Code = "ab", Label = $"ü{i}😀", Note = i % 2 == 0 ? "" : $"n{i}", Grade = "b", Day = new DateOnly(1969, 12, 31).AddDays(i),
                Taken = new DateTime(1970, 1, 1).AddMinutes(-i).AddTicks(10 * i), Meta = JsonNode.Parse($$"""{"i": {{i}}}"""),
                Uid = new Guid(i, 2, 3, [4, 5, 6, 7, 8, 9, 10, 11]), Raw = [(byte)i, 0], Payload = new[] { (double)i },
            }));
        return table;
    }

    [Test]
    public void ManyRowsWithNullsReadAsTheTypedFetchReadsThem()
    {
        var table = ManyRows(41);
        using var batch = table.ToArrow(orderBy: "KEY");
        var rows = table.Fetch(orderBy: "KEY");
        Assert.That(batch.Length, Is.EqualTo(41));
        var expected = rows.Select(r => new object?[]
        {
            r.Id, r.Tiny, r.Small, r.Whole, r.Big, r.Single, r.Dbl, r.Money, r.Flag, r.Code, r.Label, r.Note, r.Grade, r.Day, r.Taken,
            r.Meta?.ToJsonString(), r.Uid, r.Raw, r.Payload is null ? null : (double[])r.Payload,
        }).ToList();
        var actual = Enumerable.Range(0, batch.Length).Select(i => batch.Schema.FieldsList.Select((f, c) => Cell(batch.Column(c), i, f.Name)).ToArray()).ToList();
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(batch.Column("note").NullCount, Is.EqualTo(13), "every third row and none other");
        Assert.That(batch.Column("code").NullCount, Is.Zero);
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(13)]
    [TestCase(50)]
    public async Task BatchesConcatenatedEqualTheSingleBatch(int batchSize)
    {
        var table = ManyRows(26);
        using var whole = table.ToArrow(orderBy: "KEY");
        var batches = table.ToArrowBatches(batchSize, orderBy: "KEY").ToList();
        var asyncBatches = await Collect(table.ToArrowBatchesAsync(batchSize, orderBy: "KEY"));
        try
        {
            var sizes = Enumerable.Range(0, (26 + batchSize - 1) / batchSize).Select(i => Math.Min(batchSize, 26 - i * batchSize));
            Assert.That(batches.Select(b => b.Length), Is.EqualTo(sizes));
            Assert.That(asyncBatches.Select(b => b.Length), Is.EqualTo(sizes));
            foreach (var part in batches.Concat(asyncBatches))
            {
                Assert.That(part.Schema.FieldsList.Select(f => (f.Name, f.DataType.TypeId)), Is.EqualTo(whole.Schema.FieldsList.Select(f => (f.Name, f.DataType.TypeId))));
            }

            Assert.That(Cells(batches), Is.EqualTo(Cells([whole])));
            Assert.That(Cells(asyncBatches), Is.EqualTo(Cells([whole])));
        }
        finally
        {
            foreach (var b in batches.Concat(asyncBatches)) b.Dispose();
        }
    }

    [Test]
    public async Task BatchesOfPagedAndEmptyResults()
    {
        var table = ManyRows(10);
        var paged = table.ToArrowBatches(3, orderBy: "id DESC", limit: 5, offset: 2).ToList();
        Assert.That(paged.Select(b => b.Length), Is.EqualTo(new[] { 3, 2 }));
        Assert.That(paged.SelectMany(b => ((Int32Array)b.Column("id")).Values.ToArray()), Is.EqualTo(new[] { 8, 7, 6, 5, 4 }));
        var exact = await Collect(table.ToArrowBatchesAsync(5));
        Assert.That(exact.Select(b => b.Length), Is.EqualTo(new[] { 5, 5 }), "no empty batch after the last row");
        var empty = (table & "id > 100").ToArrowBatches(4).ToList();
        Assert.That(empty.Select(b => (b.Length, b.ColumnCount)), Is.EqualTo(new[] { (0, table.Heading.Names.Count) }), "an empty result is one empty batch");
        Assert.That(() => table.ToArrowBatches(0), Throws.TypeOf<ArgumentOutOfRangeException>());
        foreach (var b in paged.Concat(exact).Concat(empty)) b.Dispose();
    }

    [Test]
    public async Task StoppingEarlyReleasesTheConnection()
    {
        var table = ManyRows(12);
        foreach (var first in table.ToArrowBatches(2))
        {
            first.Dispose();
            break;
        }

        await foreach (var first in table.ToArrowBatchesAsync(2))
        {
            first.Dispose();
            break;
        }

        Assert.That(table.Count(), Is.EqualTo(12), "the connection is usable afterwards");
        using var all = table.ToArrow();
        Assert.That(all.Length, Is.EqualTo(12));
    }

    private static async Task<List<RecordBatch>> Collect(IAsyncEnumerable<RecordBatch> batches)
    {
        var list = new List<RecordBatch>();
        await foreach (var batch in batches) list.Add(batch);
        return list;
    }

    private static List<object?[]> Cells(IEnumerable<RecordBatch> batches) =>
        batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => b.Schema.FieldsList.Select((f, c) => Cell(b.Column(c), i, f.Name)).ToArray())).ToList();

    /// <summary>A cell as the typed fetch gives it (blobs unpacked, JSON as its compact text, dates and timestamps as .NET values).</summary>
    private static object? Cell(IArrowArray array, int index, string attribute) => array.IsNull(index) ? null : array switch
    {
        Int8Array a => a.GetValue(index),
        Int16Array a => a.GetValue(index),
        Int32Array a => a.GetValue(index),
        Int64Array a => a.GetValue(index),
        FloatArray a => a.GetValue(index),
        DoubleArray a => a.GetValue(index),
        Decimal128Array a => a.GetValue(index),
        BooleanArray a => a.GetValue(index),
        StringArray a when attribute == "meta" => JsonNode.Parse(a.GetString(index))!.ToJsonString(),
        StringArray a => a.GetString(index),
        Date32Array a => a.GetDateOnly(index),
        TimestampArray a => a.GetTimestamp(index)!.Value.DateTime,
        GuidArray a => a.GetGuid(index),
        BinaryArray a when attribute == "payload" => (double[])Blob.Unpack(a.GetBytes(index).ToArray())!,
        BinaryArray a => a.GetBytes(index).ToArray(),
        _ => throw new AssertionException($"unexpected array {array.GetType().Name} for {attribute}"),
    };

    private static ArrowTypeId TypeOf(RecordBatch batch, string attribute) => batch.Schema.GetFieldByName(attribute).DataType.TypeId;

    private static T Column<T>(RecordBatch batch, string attribute) where T : IArrowArray => (T)batch.Column(attribute);
}

[Definition("""
    id : int32
    ---
    tiny : int8
    small : int16
    whole : int32
    big : int64
    single = null : float32
    dbl : float64
    money : decimal(7,2)
    flag = null : bool
    code : char(2)
    label : varchar(32)
    note = null : varchar(16)
    grade : enum('a', 'b')
    day = null : date
    taken = null : datetime(6)
    meta = null : json
    uid = null : uuid
    raw = null : bytes
    payload = null : <blob>
    """)]
public partial class Columnar : Manual;
