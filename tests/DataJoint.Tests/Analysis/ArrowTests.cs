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
                Flag = true, Code = "ab", Label = "😀 ünïcode", Grade = "b", Day = new DateOnly(2026, 12, 3),
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

        var nulls = new[] { "single", "flag", "day", "taken", "meta", "uid", "raw", "payload" };
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
    grade : enum('a', 'b')
    day = null : date
    taken = null : datetime(6)
    meta = null : json
    uid = null : uuid
    raw = null : bytes
    payload = null : <blob>
    """)]
public partial class Columnar : Manual;
