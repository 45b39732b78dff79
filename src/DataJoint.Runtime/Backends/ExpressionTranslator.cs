using System.Text;

namespace DataJoint;

/// <summary>
/// Translates common functions in computed projection/aggregation expressions between backends, as DataJoint's
/// adapters do (docs/semantics.md#projection). Restriction strings are never translated.
/// </summary>
internal static class ExpressionTranslator
{
    /// <summary>MySQL: <c>STRING_AGG(x, sep)</c> → <c>GROUP_CONCAT(x SEPARATOR sep)</c>.</summary>
    public static string ToMySql(string expression) =>
        RewriteCalls(expression, "STRING_AGG", args => args.Count == 2
            ? $"GROUP_CONCAT({args[0]} SEPARATOR {args[1]})"
            : $"GROUP_CONCAT({string.Join(", ", args)})");

    /// <summary>
    /// PostgreSQL: <c>GROUP_CONCAT</c> → <c>STRING_AGG(x::text, sep)</c>, <c>CURDATE()</c>, <c>NOW()</c>,
    /// <c>YEAR/MONTH/DAY(x)</c> → <c>EXTRACT</c>, <c>TIMESTAMPDIFF</c>, <c>SUM(comparison)</c> → <c>SUM((...)::int)</c>.
    /// </summary>
    public static string ToPostgreSql(string expression)
    {
        var s = RewriteCalls(expression, "GROUP_CONCAT", args =>
        {
            var body = string.Join(", ", args);
            var at = body.IndexOf(" SEPARATOR ", StringComparison.OrdinalIgnoreCase);
            return at < 0
                ? $"STRING_AGG(({body})::text, ',')"
                : $"STRING_AGG(({body[..at].Trim()})::text, {body[(at + 11)..].Trim()})";
        });
        s = RewriteCalls(s, "CURDATE", _ => "CURRENT_DATE");
        s = RewriteCalls(s, "NOW", _ => "CURRENT_TIMESTAMP");
        foreach (var part in new[] { "YEAR", "MONTH", "DAY" })
        {
            s = RewriteCalls(s, part, args => $"EXTRACT({part} FROM {args[0]})");
        }

        s = RewriteCalls(s, "TIMESTAMPDIFF", args =>
        {
            if (args.Count != 3) return $"TIMESTAMPDIFF({string.Join(", ", args)})";
            var (unit, from, to) = (args[0].Trim().ToUpperInvariant(), args[1], args[2]);
            return unit switch
            {
                "YEAR" => $"EXTRACT(YEAR FROM AGE({to}, {from}))",
                "MONTH" => $"(EXTRACT(YEAR FROM AGE({to}, {from})) * 12 + EXTRACT(MONTH FROM AGE({to}, {from})))",
                "DAY" => $"(({to})::date - ({from})::date)",
                "HOUR" => $"FLOOR(EXTRACT(EPOCH FROM (({to})::timestamp - ({from})::timestamp)) / 3600)",
                "MINUTE" => $"FLOOR(EXTRACT(EPOCH FROM (({to})::timestamp - ({from})::timestamp)) / 60)",
                _ => $"FLOOR(EXTRACT(EPOCH FROM (({to})::timestamp - ({from})::timestamp)))",
            };
        });
        return RewriteCalls(s, "SUM", args => args.Count == 1 && IsComparison(args[0]) ? $"SUM(({args[0]})::int)" : $"SUM({string.Join(", ", args)})");
    }

    /// <summary>
    /// SQLite: <c>GROUP_CONCAT(x SEPARATOR sep)</c>/<c>STRING_AGG(x, sep)</c> → <c>group_concat(x, sep)</c>, <c>CURDATE()</c>,
    /// <c>NOW()</c> (local wall-clock time, as the servers give it), <c>YEAR/MONTH/DAY(x)</c> → <c>strftime</c>,
    /// <c>TIMESTAMPDIFF</c> in whole units; a comparison is already 0 or 1, so <c>SUM(comparison)</c> stays.
    /// </summary>
    public static string ToSqlite(string expression)
    {
        var s = RewriteCalls(expression, "GROUP_CONCAT", args =>
        {
            var body = string.Join(", ", args);
            var at = body.IndexOf(" SEPARATOR ", StringComparison.OrdinalIgnoreCase);
            return at < 0 ? $"group_concat({body})" : $"group_concat({body[..at].Trim()}, {body[(at + 11)..].Trim()})";
        });
        s = RewriteCalls(s, "STRING_AGG", args => $"group_concat({string.Join(", ", args)})");
        s = RewriteCalls(s, "CURDATE", _ => "date('now', 'localtime')");
        s = RewriteCalls(s, "NOW", _ => "datetime('now', 'localtime')");
        foreach (var (part, format) in new[] { ("YEAR", "%Y"), ("MONTH", "%m"), ("DAY", "%d") })
        {
            s = RewriteCalls(s, part, args => $"CAST(strftime('{format}', {args[0]}) AS INTEGER)");
        }

        return RewriteCalls(s, "TIMESTAMPDIFF", args =>
        {
            if (args.Count != 3) return $"TIMESTAMPDIFF({string.Join(", ", args)})";
            var (unit, from, to) = (args[0].Trim().ToUpperInvariant(), args[1], args[2]);
            string Part(string format, string value) => $"CAST(strftime('{format}', {value}) AS INTEGER)";
            string Before(string format) => $"(strftime('{format}', {to}) < strftime('{format}', {from}))";
            var days = $"(julianday({to}) - julianday({from}))";
            return unit switch
            {
                "YEAR" => $"({Part("%Y", to)} - {Part("%Y", from)} - {Before("%m-%d %H:%M:%f")})",
                "MONTH" => $"(({Part("%Y", to)} - {Part("%Y", from)}) * 12 + {Part("%m", to)} - {Part("%m", from)} - {Before("%d %H:%M:%f")})",
                "DAY" => $"CAST(julianday(date({to})) - julianday(date({from})) AS INTEGER)",
                "HOUR" => $"CAST({days} * 24 AS INTEGER)",
                "MINUTE" => $"CAST({days} * 1440 AS INTEGER)",
                _ => $"CAST(round({days} * 86400000) / 1000 AS INTEGER)",
            };
        });
    }

    private static bool IsComparison(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && (c is '=' or '<' or '>' || (c == '!' && i + 1 < text.Length && text[i + 1] == '='))) return true;
        }

        return false;
    }

    /// <summary>Rewrites every call <c>NAME(args)</c> (case-insensitive, not part of a longer identifier), innermost arguments first.</summary>
    private static string RewriteCalls(string text, string name, Func<IReadOnlyList<string>, string> rewrite)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var at = FindCall(text, name, i, out var open);
            if (at < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var close = MatchingParen(text, open);
            if (close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, at - i);
            var args = SplitArguments(text[(open + 1)..close]).Select(a => RewriteCalls(a, name, rewrite)).ToList();
            result.Append(rewrite(args));
            i = close + 1;
        }

        return result.ToString();
    }

    private static int FindCall(string text, string name, int start, out int open)
    {
        open = -1;
        var quoted = false;
        for (var i = start; i <= text.Length - name.Length; i++)
        {
            if (text[i] == '\'') quoted = !quoted;
            if (quoted) continue;
            if (string.Compare(text, i, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '`' or '"' or '.')) continue;
            var j = i + name.Length;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j < text.Length && text[j] == '(')
            {
                open = j;
                return i;
            }
        }

        return -1;
    }

    private static int MatchingParen(string text, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\'') quoted = !quoted;
            if (quoted) continue;
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }

        return -1;
    }

    private static List<string> SplitArguments(string text)
    {
        var args = new List<string>();
        if (text.Trim().Length == 0) return args;
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'') quoted = !quoted;
            if (quoted) continue;
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                args.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        args.Add(text[start..].Trim());
        return args;
    }
}
