using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Analysis;

/// <summary>
/// <c>t.Validate(rows)</c> (DataJoint's <c>validate</c>): every problem of every row by row index and attribute, nothing
/// written; what it accepts inserts, and what it reports that the server would refuse, the server does refuse (docs/analysis.md#validate).
/// </summary>
public sealed class ValidateTests(Backend backend) : BackendTest(backend)
{
    private ValidatedSample Table => Schema.Table<ValidatedSample>();

    private static Dictionary<string, object?> Good(int id) => new()
    {
        ["sample_id"] = id, ["label"] = "ok", ["grade"] = "a", ["amount"] = 123.45m, ["tiny"] = (sbyte)-128,
    };

    private static Dictionary<string, object?> With(int id, string attribute, object? value)
    {
        var row = Good(id);
        row[attribute] = value;
        return row;
    }

    private static Dictionary<string, object?> Without(int id, string attribute)
    {
        var row = Good(id);
        row.Remove(attribute);
        return row;
    }

    [Test]
    public void RowsOfEveryTypeThatValidateInsert()
    {
        var rows = new object[]
        {
            new ValidatedSample.Row
            {
                SampleId = 1, Label = "😀😀😀😀😀😀😀😀", Grade = "b", Amount = -999.99m, Tiny = 127, Flag = true, Weight = 1.5,
                Taken = new DateTime(2026, 1, 2, 3, 4, 5), Day = new DateOnly(2026, 1, 2), Uid = Guid.NewGuid(),
                Meta = JsonNode.Parse("""{"a": [1, 2]}"""), Payload = new double[] { 1, 2, 3 },
            },
            Good(2),
            With(3, "amount", 5), // an integer for a decimal
            With(4, "day", new DateTime(2026, 5, 6)), // midnight for a date
            With(5, "uid", Guid.Empty.ToString()),
            With(6, "meta", """[1, "two"]"""),
            With(7, "weight", double.NaN), // NULL, as DataJoint sends it
            new { sample_id = 8, label = "anon", grade = "a", amount = 0.5, tiny = 3L },
        };
        var result = Table.Validate(rows);
        Assert.That(result.Errors, Is.Empty, result.Summary());
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.RowsChecked, Is.EqualTo(8));
            Assert.That(result.Summary(), Is.EqualTo($"Validation passed: 8 rows checked against {Table.FullTableName}"));
        });
        Assert.That(Table.Count(), Is.Zero, "validate writes nothing");
        Table.Insert(rows);
        Assert.That(Table.Count(), Is.EqualTo(8));
    }

    private static IEnumerable<TestCaseData> ServerRefused()
    {
        yield return new TestCaseData(Without(1, "label"), "label", "required attribute (varchar(8), no default) is missing").SetName("MissingRequired");
        yield return new TestCaseData(With(1, "label", null), "label", "is NULL, which the required attribute").SetName("NullRequired");
        yield return new TestCaseData(Without(1, "sample_id"), "sample_id", "primary-key attribute is missing").SetName("MissingKey");
        yield return new TestCaseData(With(1, "label", "123456789"), "label", "is 9 characters long; varchar(8) holds at most 8").SetName("TextTooLong");
        yield return new TestCaseData(With(1, "grade", "c"), "grade", "is not one of the declared values ('a', 'b')").SetName("UnknownEnumValue");
        yield return new TestCaseData(With(1, "amount", 1000m), "amount", "more than 3 digits before the decimal point").SetName("DecimalTooLarge");
        yield return new TestCaseData(With(1, "tiny", 128), "tiny", "is out of range (-128 to 127)").SetName("IntegerOutOfRange");
        yield return new TestCaseData(With(1, "tiny", 1.5), "tiny", "is not a whole number").SetName("Fraction");
        yield return new TestCaseData(With(1, "meta", "{not json"), "meta", "is not JSON text").SetName("InvalidJson");
        yield return new TestCaseData(With(1, "uid", "not-a-uuid"), "uid", "is not a uuid").SetName("InvalidUuid");
        yield return new TestCaseData(With(1, "label", "a\ud800"), "label", "lone surrogate").SetName("LoneSurrogate");
        yield return new TestCaseData(With(1, "payload", new object()), "payload", "cannot be serialized as a blob").SetName("Unpackable");
        yield return new TestCaseData(With(1, "extra", 1), "extra", "is not an attribute of").SetName("UnknownAttribute");
    }

    [TestCaseSource(nameof(ServerRefused))]
    public void EachProblemIsReportedOnceAndInsertRefusesItToo(Dictionary<string, object?> row, string attribute, string message)
    {
        var result = Table.Validate([Good(7), row]);
        Assert.That(result.Errors, Has.Count.EqualTo(1), result.Summary());
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Errors[0].RowIndex, Is.EqualTo(1));
            Assert.That(result.Errors[0].Attribute, Is.EqualTo(attribute));
            Assert.That(result.Errors[0].Message, Does.Contain(message));
        });
        Assert.Catch(() => Table.Insert1(row), "the insert refuses what validate reported");
        Assert.That(Table.Count(), Is.Zero);
    }

    [Test]
    public void TypesTheAttributeDoesNotTakeAreReported()
    {
        var rows = new[]
        {
            With(0, "flag", 1), With(1, "taken", "2026-01-02 10:00:00"), With(2, "day", "02/01/2026"), With(3, "tiny", "twelve"),
            With(4, "meta", new Dictionary<string, int>()), With(5, "tiny", "300"), With(6, "day", "2026-01-02"), With(7, "tiny", "-12"),
            With(8, "label", 12), With(9, "payload", "text is a blob too"), With(10, "uid", 7),
        };
        var result = Table.Validate(rows);
        Assert.That(result.Errors.Select(e => (e.RowIndex, e.Attribute)), Is.EqualTo(new (int, string?)[]
        {
            (0, "flag"), (2, "day"), (3, "tiny"), (4, "meta"), (5, "tiny"), (10, "uid"),
        }), result.Summary());
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors[0].Message, Is.EqualTo("the value 1 (Int32) is a Int32; bool takes a bool"));
            Assert.That(result.Errors[1].Message, Is.EqualTo("the value '02/01/2026' is a String; date takes a DateOnly (or yyyy-MM-dd text)"));
            Assert.That(result.Errors[3].Message, Does.Contain("json takes a JsonNode or JSON text"));
            Assert.That(result.Errors[4].Message, Is.EqualTo("the value '300' is out of range (-128 to 127)"));
            Assert.That(result.Errors[5].Message, Is.EqualTo("the value 7 (Int32) is not a uuid"));
        });

        // What validate accepts, both servers insert; what it reports, the server refuses — except where one backend alone
        // is lenient: MySQL (and SQLite) store 1 in bool's 0/1 column, PostgreSQL reads '02/01/2026' by its DateStyle (February or January).
        var accepted = Enumerable.Range(0, rows.Length).Except(result.Errors.Select(e => e.RowIndex)).Select(i => rows[i]).ToList();
        Table.Insert(accepted);
        Assert.That(Table.Count(), Is.EqualTo(accepted.Count));
        var lenient = Backend == Backend.PostgreSql ? 2 : 0;
        foreach (var error in result.Errors.Where(e => e.RowIndex != lenient))
        {
            Assert.Catch(() => Table.Insert1(rows[error.RowIndex]), error.ToString());
        }

        Assert.DoesNotThrow(() => Table.Insert1(rows[lenient]));
    }

    [Test]
    public void EveryProblemOfEveryRowIsListedInRowOrder()
    {
        var rows = new object[]
        {
            new Dictionary<string, object?> { ["label"] = "123456789", ["grade"] = "z", ["bogus"] = 1 },
            Good(2),
            new object?[] { 3, "too few" },
            "not a row",
            With(5, "amount", double.NaN),
        };
        var result = Table.Validate(rows);
        Assert.That(result.Errors.Select(e => (e.RowIndex, e.Attribute)), Is.EqualTo(new (int, string?)[]
        {
            (0, "bogus"), (0, "sample_id"), (0, "label"), (0, "grade"), (0, "amount"), (0, "tiny"), (2, null), (3, null), (4, "amount"),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(result.RowsChecked, Is.EqualTo(5));
            Assert.That(result.Errors[6].Message, Does.Contain("has 2 values in heading order").And.Contain("has 13 attributes"));
            Assert.That(result.Errors[7].Message, Does.StartWith("is a String, not a row"));
            Assert.That(result.Errors[8].Message, Does.Contain("is NULL"), "NaN is sent as NULL");
            Assert.That(result.Summary(), Does.StartWith($"Validation failed: 9 error(s) in 5 rows for {Table.FullTableName}\n  Row 0, `bogus`: is not an attribute"));
            Assert.That(result.Summary(), Does.Contain("  Row 3: is a String").And.EndWith("\n  Row 4, `amount`: is NULL, which the required attribute (decimal(5,2), no default) does not allow"));
        });
        var thrown = Assert.Throws<DataJointException>(result.ThrowIfInvalid);
        Assert.That(thrown!.Message, Is.EqualTo(result.Summary()));
        Assert.That(Table.Validate([With(1, "bogus", 1)], ignoreExtraFields: true).IsValid, Is.True);
    }

    [Test]
    public async Task AFreeTableReadsItsHeadingFirst()
    {
        Table.Insert1(Good(1));
        var free = new FreeTable(Instance.Connection, $"{Schema.Name}.validated_sample");
        var result = await free.ValidateAsync([With(2, "grade", "x"), Good(3)]);
        Assert.That(result.Errors.Select(e => $"{e.RowIndex}:{e.Attribute}"), Is.EqualTo(new[] { "0:grade" }));
        Assert.That(result.Summary(), Does.Contain("Row 0, `grade`: the value 'x' is not one of the declared values ('a', 'b')"));
    }
}

[Definition("""
    sample_id : int32
    ---
    label : varchar(8)
    grade : enum('a', 'b')
    amount : decimal(5,2)
    tiny : int8
    flag = null : bool
    weight = null : float64
    taken = null : datetime
    day = null : date
    uid = null : uuid
    meta = null : json
    payload = null : <blob>
    note = "" : varchar(16)
    """)]
public partial class ValidatedSample : Manual;
