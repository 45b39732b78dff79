using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Limits;

/// <summary>
/// Errors of large inserts name the key and the row of the caller's input (counted from 1), on every path: bulk loads,
/// statements in chunks, and a server row number inside one statement.
/// </summary>
[Category("Heavy")]
public sealed class InsertErrorMessageTests(Backend backend) : BackendTest(backend)
{
    private const int Rows = 100_000;

    private static IEnumerable<LimitRow.Row> RowsWithDuplicateLast() =>
        Enumerable.Range(1, Rows - 1).Select(i => new LimitRow.Row { RowId = i, Value = i, Label = "r" + i })
            .Append(new LimitRow.Row { RowId = 4242, Value = 0, Label = "again" });

    [TestCase("auto")]
    [TestCase("never")]
    public void ADuplicateKeyIn100kRowsNamesTheKeyAndTheRowOfTheInput(string bulk)
    {
        var instance = NewInstance(new Dictionary<string, object?> { ["insert.bulk"] = bulk });
        var table = NewSchema(instance).Table<LimitRow>();
        var ex = Assert.Throws<DuplicateKeyException>(() => table.Insert(RowsWithDuplicateLast()));
        TestContext.Out.WriteLine(ex!.Message);
        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("4242"), "the key's value");
            Assert.That(ex.Message, Does.Contain("100000 of the insert"), "the row of the input giving the key again");
            Assert.That(ex.Message, Does.Not.Contain("redacted"), "PostgreSQL's detail is included");
            Assert.That(ex.Message, Does.Not.Contain(Server.Password + ";").And.Not.Contain("Password="), "no credentials");
            Assert.That(table.Count(), Is.Zero, "nothing written");
        });
    }

    [Test]
    public void ADuplicateOfAnExistingRowNamesTheOneRowOfTheInput()
    {
        var table = Schema.Table<LimitRow>();
        table.Insert1(new LimitRow.Row { RowId = 99_999, Value = 1, Label = "already there" });
        var rows = Enumerable.Range(100_001, 99_998).Select(i => new LimitRow.Row { RowId = i, Value = i, Label = "r" })
            .Append(new LimitRow.Row { RowId = 99_999, Value = 0, Label = "clash" });
        var ex = Assert.Throws<DuplicateKeyException>(() => table.Insert(rows));
        TestContext.Out.WriteLine(ex!.Message);
        Assert.That(ex.Message, Does.Contain("99999").And.Contain("row 99999 of the insert"));
        Assert.That(table.Count(), Is.EqualTo(1));
    }

    [Test]
    public void AServerRowNumberIsTheRowOfTheInputNotOfOneStatement()
    {
        // A label too long for varchar(32) in the last of 100,000 rows: MySQL says "at row N" of one statement.
        var instance = NewInstance(new Dictionary<string, object?> { ["insert.bulk"] = "never" });
        var table = NewSchema(instance).Table<LimitRow>();
        var rows = Enumerable.Range(1, Rows - 1).Select(i => new LimitRow.Row { RowId = i, Value = i, Label = "r" })
            .Append(new LimitRow.Row { RowId = Rows, Value = 0, Label = new string('x', 40) });
        var ex = Assert.Throws<QueryException>(() => table.Insert(rows));
        TestContext.Out.WriteLine(ex!.Message);
        if (Backend == Backend.MySql) Assert.That(ex.Message, Does.Contain($"at row {Rows} of the insert"));
        Assert.That(ex.Message, Does.Not.Match(@"at row \d+(?!\d| of the insert)"), "no row number of one statement");
        Assert.That(table.Count(), Is.Zero);
    }

    [Test]
    public void AConversionErrorInABulkLoadNamesTheRowOfTheInput()
    {
        var table = Schema.Table<LimitRow>();
        var rows = Enumerable.Range(1, Rows - 1).Select(i => new LimitRow.Row { RowId = i, Value = i, Label = "r" })
            .Append(new LimitRow.Row { RowId = Rows, Value = 0, Label = new string('x', 40) });
        var ex = Assert.Throws<QueryException>(() => table.Insert(rows));
        TestContext.Out.WriteLine(ex!.Message);
        Assert.That(ex.Message, Does.Contain($"row {Rows} of the insert"));
        Assert.That(table.Count(), Is.Zero);
    }
}
