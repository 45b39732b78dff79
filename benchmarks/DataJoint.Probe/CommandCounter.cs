using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DataJoint.Probe;

/// <summary>Counts the commands the drivers send (their own activity sources), grouped by statement text with numbers masked.</summary>
internal static partial class CommandCounter
{
    public static void Print(string title, Func<int> work)
    {
        var texts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MySqlConnector" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? activity.DisplayName;
                text = Numbers().Replace(text.ReplaceLineEndings(" "), "N");
                texts.AddOrUpdate(text.Length > 100 ? text[..100] : text, 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var made = work();
        Console.WriteLine($"{title}: {texts.Values.Sum()} commands for {made} keys (PostgreSQL's BEGIN rides on the first statement, COMMIT is not traced)");
        foreach (var (text, count) in texts.OrderByDescending(p => p.Value).Take(12)) Console.WriteLine($"  {count,6}  {text}");
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
