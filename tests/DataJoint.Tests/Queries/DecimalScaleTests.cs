using System.Globalization;
using Apache.Arrow;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Queries;

[Definition("""
    # Amounts whose trailing zeros are part of their scale
    ledger_id : int32
    ---
    amount : decimal(14,4)
    fee = null : decimal(5,2)
    """)]
public partial class Ledger : Manual;

/// <summary>
/// A <c>decimal(p,s)</c> reads back with exactly <c>s</c> digits after the point on every read path, as the servers return
/// it (SQLite stores the number without its trailing zeros: docs/backends.md#sqlite), and compares, orders and sums as a
/// number.
/// </summary>
public sealed class DecimalScaleTests(Backend backend) : BackendTest(backend)
{
    public sealed record LedgerAmounts(int LedgerId, decimal Amount, decimal? Fee);

    private static readonly (int Id, decimal Amount, decimal? Fee, string Text, string? FeeText)[] Entries =
    [
        (1, -87654.3210m, 1.5m, "-87654.3210", "1.50"),
        (2, 1.5m, null, "1.5000", null),
        (3, 0m, 0m, "0.0000", "0.00"),
        (4, 12m, -999.99m, "12.0000", "-999.99"),
        (5, 9999999999.9999m, 100m, "9999999999.9999", "100.00"),
    ];

    private Ledger Filled()
    {
        var ledger = Schema.Table<Ledger>();
        ledger.Insert(Entries.Select(e => new Ledger.Row { LedgerId = e.Id, Amount = e.Amount, Fee = e.Fee }));
        return ledger;
    }

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    [Test]
    public void EveryReadPathKeepsTheDeclaredScale()
    {
        var ledger = Filled();
        var expected = Entries.Select(e => $"{e.Id} {e.Text} {e.FeeText}").ToList();
        var free = Instance.FreeTable(ledger.FullTableName);
        using var batch = ledger.ToArrow(orderBy: "ledger_id");
        var amounts = (Decimal128Array)batch.Column("amount");
        var fees = (Decimal128Array)batch.Column("fee");

        Assert.Multiple(() =>
        {
            Assert.That(ledger.Fetch(orderBy: "KEY").Select(r => $"{r.LedgerId} {Text(r.Amount)} {Text(r.Fee)}"), Is.EqualTo(expected), "typed Fetch");
            Assert.That(ledger.Fetch<LedgerAmounts>(orderBy: "KEY").Select(r => $"{r.LedgerId} {Text(r.Amount)} {Text(r.Fee)}"), Is.EqualTo(expected),
                "Fetch into a record");
            Assert.That(ledger.ToDicts(orderBy: "KEY").Select(r => $"{r["ledger_id"]} {Text(r["amount"])} {Text(r["fee"])}"), Is.EqualTo(expected), "ToDicts");
            Assert.That(free.ToDicts(orderBy: "KEY").Select(r => $"{r["ledger_id"]} {Text(r["amount"])} {Text(r["fee"])}"), Is.EqualTo(expected), "FreeTable");
            Assert.That(Enumerable.Range(0, batch.Length).Select(i => $"{i + 1} {Text(amounts.GetValue(i))} {Text(fees.GetValue(i))}"), Is.EqualTo(expected),
                "Arrow");
            Assert.That(Text((ledger.Proj("amount") & new { LedgerId = 2 }).Fetch1()["amount"]), Is.EqualTo("1.5000"), "a projection");
            Assert.That(Text((ledger & new { LedgerId = 2 }).Fetch1<decimal>("amount")), Is.EqualTo("1.5000"), "one attribute");
        });
    }

    [Test]
    public void DecimalsCompareOrderAndAggregateAsNumbers()
    {
        var ledger = Filled();
        var exactSum = Entries.Sum(e => e.Amount);
        var totals = U.Of().Aggr(ledger, "total = sum(amount)", "average = avg(amount)", "largest = max(amount)").Fetch1();

        Assert.Multiple(() =>
        {
            Assert.That((ledger & "amount > 1.4").Count(), Is.EqualTo(3));
            Assert.That((ledger & "amount < 0").Count(), Is.EqualTo(1));
            Assert.That((ledger & "amount = 1.5").Count(), Is.EqualTo(1), "1.5 equals the stored 1.5000");
            Assert.That((ledger & new { Amount = 12m }).Count(), Is.EqualTo(1), "a bound decimal");
            Assert.That((ledger & "fee >= amount").Count(), Is.EqualTo(2));
            Assert.That(ledger.Fetch(orderBy: "amount DESC").Select(r => r.LedgerId), Is.EqualTo(new[] { 5, 4, 2, 3, 1 }));
            Assert.That(Convert.ToDecimal(totals["total"], CultureInfo.InvariantCulture), Is.EqualTo(exactSum));
            Assert.That(Convert.ToDecimal(totals["average"], CultureInfo.InvariantCulture), Is.EqualTo(exactSum / Entries.Length));
            Assert.That(Convert.ToDecimal(totals["largest"], CultureInfo.InvariantCulture), Is.EqualTo(9999999999.9999m));
        });
    }
}
