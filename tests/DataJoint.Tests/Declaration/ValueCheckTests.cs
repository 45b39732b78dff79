using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Declaration;

/// <summary>A value of the wrong kind is refused before anything is sent, naming the attribute, the value and the declared type.</summary>
public sealed class ValueCheckTests(Backend backend) : BackendTest(backend)
{
    private static IEnumerable<TestCaseData> WrongValues()
    {
        yield return new TestCaseData("amount", 4.7, "is not a whole number").SetName("AFractionForAnInteger");
        yield return new TestCaseData("day", new DateTime(2025, 1, 2, 13, 30, 0), "has a time of day").SetName("ATimeOfDayForADate");
        yield return new TestCaseData("label", new List<int> { 1, 2 }, "is a collection").SetName("ACollectionForText");
        yield return new TestCaseData("label", "ab\ud800cd", "lone surrogate (invalid UTF-16) at position 2").SetName("ALoneSurrogate");
        yield return new TestCaseData("uid", "not-a-uuid", "is not a uuid").SetName("AnInvalidUuid");
    }

    [TestCaseSource(nameof(WrongValues))]
    public void IsRefusedBeforeAnythingIsSent(string attribute, object value, string why)
    {
        var table = Schema.Table<Checked>();
        foreach (var bulk in new[] { false, true })
        {
            // Both insert paths: statements and the bulk loader (a large insert) check alike.
            var rows = Enumerable.Range(1, bulk ? 150 : 1).Select(i => (object)new Dictionary<string, object?> { ["item_id"] = i, [attribute] = i == 1 ? value : null });
            var ex = Assert.Throws<DataJointException>(() => table.Insert(rows));
            Assert.That(ex!.Message, Does.Contain($"`{attribute}`").And.Contain(why).And.Contain(table.FullTableName));
            Assert.That(table.Count(), Is.Zero);
        }
    }

    [Test]
    public void InfinityAndNulAreRefusedWhereTheBackendCannotStoreThem()
    {
        var table = Schema.Table<Checked>();
        if (Backend == Backend.MySql)
        {
            var ex = Assert.Throws<DataJointException>(() => table.Insert1(new { item_id = 1, reading = double.PositiveInfinity }));
            Assert.That(ex!.Message, Does.Contain("`reading`").And.Contain("infinite"));
            table.Insert1(new { item_id = 2, label = "a\0b" });
            Assert.That((table & new { item_id = 2 }).Fetch1().Label, Is.EqualTo("a\0b"));
        }
        else if (Backend == Backend.Sqlite)
        {
            // SQLite stores both: a real holds ±Infinity, and text holds U+0000 (bound as bytes made text, SqliteAdapter.BindValue).
            table.Insert1(new { item_id = 1, reading = double.PositiveInfinity, label = "a\0b" });
            var row = table.Fetch1();
            Assert.That((row.Reading, row.Label), Is.EqualTo(((double?)double.PositiveInfinity, "a\0b")));
        }
        else
        {
            var ex = Assert.Throws<DataJointException>(() => table.Insert1(new { item_id = 2, label = "a\0b" }));
            Assert.That(ex!.Message, Does.Contain("`label`").And.Contain("U+0000 at position 1"));
            table.Insert1(new { item_id = 1, reading = double.PositiveInfinity });
            Assert.That((table & new { item_id = 1 }).Fetch1().Reading, Is.EqualTo(double.PositiveInfinity));
        }
    }

    [Test]
    public void WholeNumbersAndDatesAtMidnightAreAccepted()
    {
        var table = Schema.Table<Checked>();
        table.Insert1(new { item_id = 1, amount = 5.0, day = new DateTime(2025, 1, 2), label = "😀 ok", uid = Guid.Empty.ToString() });
        var row = table.Fetch1();
        Assert.That((row.Amount, row.Day, row.Label, row.Uid), Is.EqualTo(((int?)5, (DateOnly?)new DateOnly(2025, 1, 2), "😀 ok", (Guid?)Guid.Empty)));
    }

    [Test]
    public void AQueryIsNotARow()
    {
        var table = Schema.Table<Checked>();
        var ex = Assert.Throws<ArgumentException>(() => table.Insert1(table));
        Assert.That(ex!.Message, Does.Contain("A query is not a row").And.Contain("Insert its rows"));
    }
}
