using System.Text;
using System.Text.Json.Nodes;
using DataJoint.Tests.Infrastructure;

namespace DataJoint.Tests.Limits;

/// <summary>
/// 10,000 fuzzed strings (fixed seed: quotes, backslashes, NUL, control characters, LOAD DATA's delimiters, characters from
/// every Unicode plane, up to 4,000 characters) round-trip exactly through varchar and json, on the statement path and the
/// bulk path (MySQL without NUL only where the backend cannot store it: PostgreSQL refuses U+0000 up front). A lone surrogate
/// is refused before anything is written, on every path.
/// </summary>
[Category("Heavy")]
public sealed class FuzzRoundTripTests(Backend backend) : BackendTest(backend)
{
    private const int Count = 10_000;
    private static readonly string[] Nasty = ["'", "\"", "\\", "\\'", "''", "\0", "\t", "\n", "\r\n", "\\N", "NULL", "`", "$1", "@p0", "%", "_", ";", "--", "/*", "\u001b", "\u007f", "\u0085", "\u2028", "\ufeff", "\uffff", "\ufffe"];

    private List<string> Strings()
    {
        var random = new Random(20_261_202);
        var strings = new List<string>(Count);
        var text = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            var length = i % 10 == 0 ? random.Next(0, 4001) : random.Next(0, 60);
            text.Clear();
            while (text.Length < length)
            {
                var pick = random.Next(10);
                if (pick < 3) text.Append(Nasty[random.Next(Nasty.Length)]);
                else if (pick < 5) text.Append((char)random.Next(0, 32));
                else text.Append(char.ConvertFromUtf32(CodePoint(random)));
            }

            // Trim back to the limit without splitting a surrogate pair (the column counts characters, not UTF-16 units).
            var s = text.ToString();
            while (s.EnumerateRunes().Count() > 4000) s = s[..^(char.IsLowSurrogate(s[^1]) ? 2 : 1)];
            strings.Add(Backend == Backend.PostgreSql ? s.Replace("\0", "", StringComparison.Ordinal) : s);
        }

        return strings;
    }

    /// <summary>A scalar value from a random plane (0–16), never a surrogate.</summary>
    private static int CodePoint(Random random)
    {
        while (true)
        {
            var plane = random.Next(17);
            var value = (plane << 16) | random.Next(0x10000);
            if (value is < 0xD800 or > 0xDFFF) return value;
        }
    }

    [TestCase("never", TestName = "{m}(statements)")]
    [TestCase("always", TestName = "{m}(bulk)")]
    public void FuzzedStringsRoundTripExactly(string bulk)
    {
        var instance = NewInstance(new Dictionary<string, object?> { ["insert.bulk"] = bulk });
        var table = NewSchema(instance).Table<FuzzText>();
        var strings = Strings();
        table.Insert(strings.Select((s, i) => new FuzzText.Row { TextId = i, Text = s, Doc = JsonValue.Create(s) }));
        var back = table.Fetch().ToDictionary(r => r.TextId);
        var wrong = Enumerable.Range(0, Count)
            .Where(i => back[i].Text != strings[i] || back[i].Doc.GetValue<string>() != strings[i]).ToList();
        Assert.That(wrong, Is.Empty, $"{wrong.Count} strings changed; first: {(wrong.Count > 0 ? Escape(strings[wrong[0]]) : "")}");
    }

    [Test]
    public async Task ALoneSurrogateIsRefusedUpFrontOnEveryPath()
    {
        foreach (var bulk in new[] { "never", "always" })
        {
            var instance = NewInstance(new Dictionary<string, object?> { ["insert.bulk"] = bulk });
            var table = NewSchema(instance).Table<FuzzText>();
            var rows = Enumerable.Range(0, 999).Select(i => new FuzzText.Row { TextId = i, Text = "ok " + i, Doc = JsonValue.Create("ok") })
                .Append(new FuzzText.Row { TextId = 999, Text = "bad \ud800 here", Doc = JsonValue.Create("ok") }).ToList();
            var ex = Assert.Throws<DataJointException>(() => table.Insert(rows), bulk);
            Assert.That(ex!.Message, Does.Contain("lone surrogate").And.Contain("`text`").And.Contain("position 4"), bulk);
            var asText = rows.Select(r => (object)new Dictionary<string, object?> { ["text_id"] = r.TextId, ["text"] = "t", ["doc"] = r.Text });
            Assert.Throws<DataJointException>(() => ((Table)table).Insert(asText), $"{bulk}: json given as text");
            Assert.ThrowsAsync<DataJointException>(async () => await ((Table)table).InsertAsync(Stream(rows)), $"{bulk}: streamed");
            Assert.That(table.Count(), Is.Zero, $"{bulk}: nothing written");
            Assert.That(await table.CountAsync(), Is.Zero);
        }
    }

    private static async IAsyncEnumerable<object> Stream(IEnumerable<FuzzText.Row> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static string Escape(string s) => string.Concat(s.Take(80).Select(c => c < 32 || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
}
