using System.Text.RegularExpressions;

namespace DataJoint;

/// <summary>
/// DataJoint's attribute check for SQL-string restrictions (docs/semantics.md#restriction): quoted literals are skipped,
/// backticked names and every bare lowercase word not followed by <c>(</c> and not one of a few keywords must
/// be attributes of the query. Uppercase words are not checked, so write SQL keywords in uppercase.
/// </summary>
internal static partial class StringConditionScanner
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "is", "in", "between", "like", "and", "or", "null", "not", "interval", "second", "minute", "hour", "day", "month", "week", "year",
    };

    [GeneratedRegex(@"(\\"")|(\\')")]
    private static partial Regex EscapedQuote();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex DoubleQuoted();

    [GeneratedRegex(@"`([a-z][a-z_0-9]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\s*\(")]
    private static partial Regex SpaceBeforeParen();

    [GeneratedRegex(@"\b[a-z][a-z_0-9]*\(")]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"\b[a-z][a-z_0-9]*\b")]
    private static partial Regex Word();

    /// <summary>The names the scanner treats as attributes.</summary>
    public static IReadOnlyList<string> ColumnNames(string condition)
    {
        var names = new List<string>();
        var s = EscapedQuote().Replace(condition, "");
        s = SingleQuoted().Replace(s, "");
        s = DoubleQuoted().Replace(s, "");
        names.AddRange(Backticked().Matches(s).Select(m => m.Groups[1].Value));
        s = Backticked().Replace(s, "");
        s = SpaceBeforeParen().Replace(s, "(");
        s = FunctionCall().Replace(s, "(");
        names.AddRange(Word().Matches(s).Select(m => m.Value).Where(w => !Keywords.Contains(w)));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <param name="condition">The SQL text.</param>
    /// <param name="heading">The query's attributes.</param>
    /// <param name="shown">The restriction as messages show it (an interpolated restriction's text without its values).</param>
    /// <exception cref="UnknownAttributeException">A name is not an attribute of the query.</exception>
    public static void Validate(string condition, Heading heading, string? shown = null)
    {
        foreach (var name in ColumnNames(condition))
        {
            if (!heading.Contains(name))
            {
                throw new UnknownAttributeException($"Attribute `{name}` is not found in query. (Restriction \"{shown ?? condition}\"; attributes: "
                    + $"{string.Join(", ", heading.Names)}. Write SQL keywords such as TRUE or CURRENT_DATE in uppercase.)");
            }
        }
    }
}
