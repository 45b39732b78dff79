using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Declaration;

[Definition(""""
    # defaults written with quotes, doubled quotes and backslashes
    item_id : int32
    ---
    quote = 'it''s' : varchar(16)
    double_quote = "say ""hi""" : varchar(16)
    backslash = "C:\data\new" : varchar(16)
    ends_in_backslash = 'a\' : varchar(8)
    word = "null" : varchar(8)
    kind = 'o''clock' : enum('o''clock', 'noon')
    bare_kind = noon : enum('o''clock', 'noon')
    quoted_number = "5" : int32
    negative = -7 : int16
    ratio = 2.5e-1 : float64
    price = 1.25 : decimal(6,2)
    flag = TRUE : bool
    day = '2024-02-29' : date
    stamp = CURRENT_TIMESTAMP : datetime
    maybe = NULL : varchar(8)
    """")]
public partial class DefaultSample : Manual;

/// <summary>
/// The generated Row initializer and the declared column default are read by the same parser (AttributeDefault), so a
/// row inserted without its defaults reads back exactly as a Row built in C# without them, on every backend.
/// </summary>
public sealed class DefaultValueTests(Backend backend) : BackendTest(backend)
{
    [Test]
    public async Task TheServerStoresTheDefaultsTheRowInitializerCarries()
    {
        var table = await Schema.TableAsync<DefaultSample>();
        table.Insert1(new { item_id = 1 });

        var stored = table.Fetch1();
        var initialized = new DefaultSample.Row { ItemId = 1 };
        Assert.Multiple(() =>
        {
            Assert.That(stored.Quote, Is.EqualTo("it's").And.EqualTo(initialized.Quote));
            Assert.That(stored.DoubleQuote, Is.EqualTo("say \"hi\"").And.EqualTo(initialized.DoubleQuote));
            Assert.That(stored.Backslash, Is.EqualTo(@"C:\data\new").And.EqualTo(initialized.Backslash));
            Assert.That(stored.EndsInBackslash, Is.EqualTo(@"a\").And.EqualTo(initialized.EndsInBackslash));
            Assert.That(stored.Word, Is.EqualTo("null").And.EqualTo(initialized.Word));
            Assert.That(stored.Kind, Is.EqualTo("o'clock").And.EqualTo(initialized.Kind));
            Assert.That(stored.BareKind, Is.EqualTo("noon").And.EqualTo(initialized.BareKind));
            Assert.That(stored.QuotedNumber, Is.EqualTo(5).And.EqualTo(initialized.QuotedNumber));
            Assert.That(stored.Negative, Is.EqualTo(-7).And.EqualTo(initialized.Negative));
            Assert.That(stored.Ratio, Is.EqualTo(0.25).And.EqualTo(initialized.Ratio));
            Assert.That(stored.Price, Is.EqualTo(1.25m).And.EqualTo(initialized.Price));
            Assert.That(stored.Flag, Is.True.And.EqualTo(initialized.Flag));
            Assert.That(stored.Day, Is.EqualTo(new DateOnly(2024, 2, 29)).And.EqualTo(initialized.Day));
            Assert.That(stored.Stamp, Is.Not.Null, "CURRENT_TIMESTAMP is the server's clock");
            Assert.That(initialized.Stamp, Is.Null, "so the Row leaves it to the server");
            Assert.That(stored.Maybe, Is.Null.And.EqualTo(initialized.Maybe));
        });
    }

    [Test]
    public async Task ARowInsertedWithItsInitializedDefaultsEqualsOneInsertedWithout()
    {
        var table = await Schema.TableAsync<DefaultSample>();
        table.Insert1(new DefaultSample.Row { ItemId = 1 });
        table.Insert1(new { item_id = 2 });

        var rows = table.Fetch(orderBy: "item_id");
        Assert.That(rows[0] with { ItemId = 0, Stamp = null }, Is.EqualTo(rows[1] with { ItemId = 0, Stamp = null }));
    }
}
