using System.Globalization;
using System.Text;

namespace DataJoint;

/// <summary>
/// An interpolated restriction: <see cref="Segments"/> is the SQL text around the holes (one more segment than
/// values), <see cref="Values"/> the hole values, bound as parameters when the condition renders.
/// </summary>
internal sealed class InterpolatedRestriction(IReadOnlyList<string> segments, IReadOnlyList<object?> values)
{
    public IReadOnlyList<string> Segments { get; } = segments;

    public IReadOnlyList<object?> Values { get; } = values;

    /// <summary>The text with holes written <c>{0}</c>, <c>{1}</c>, ...; used in messages, which never show values.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder(Segments[0]);
            for (var i = 0; i < Values.Count; i++)
            {
                text.Append('{').Append(i.ToString(CultureInfo.InvariantCulture)).Append('}').Append(Segments[i + 1]);
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// Checks the text against the target's heading (DataJoint's attribute scan of string restrictions, with every
    /// hole read as a number) and converts the values for the target's backend.
    /// </summary>
    /// <exception cref="ArgumentException">A hole stands inside a quoted literal or identifier.</exception>
    /// <exception cref="UnknownAttributeException">The text names something that is not an attribute.</exception>
    public Condition Compile(QueryExpression target)
    {
        AssertHolesOutsideQuotes();
        StringConditionScanner.Validate(string.Join(" 0 ", Segments), target.Heading, Text);
        var adapter = target.Connection.Adapter;
        var bound = new object?[Values.Count];
        for (var i = 0; i < bound.Length; i++)
        {
            bound[i] = adapter.ToDbValue(Values[i]);
        }

        return new InterpolatedCondition(Segments, bound);
    }

    /// <summary>Reads a <see cref="FormattableString"/> (<c>{index[,alignment][:format]}</c> items) as the handler would have.</summary>
    /// <exception cref="ArgumentException">The format string is malformed.</exception>
    public static InterpolatedRestriction From(FormattableString restriction)
    {
        var format = restriction.Format;
        var handler = new RestrictionStringHandler(format.Length, restriction.ArgumentCount);
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}') throw Malformed(format);
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = format.IndexOf('}', i);
            if (end < 0) throw Malformed(format);
            handler.AppendLiteral(literal.ToString());
            literal.Clear();
            AppendItem(ref handler, format.Substring(i + 1, end - i - 1), restriction, format);
            i = end;
        }

        handler.AppendLiteral(literal.ToString());
        return handler.ToRestriction();
    }

    private static void AppendItem(ref RestrictionStringHandler handler, string item, FormattableString restriction, string format)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        var itemFormat = colon < 0 ? null : item[(colon + 1)..];
        var head = colon < 0 ? item : item[..colon];
        var comma = head.IndexOf(',', StringComparison.Ordinal);
        var indexText = comma < 0 ? head : head[..comma];
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= restriction.ArgumentCount)
        {
            throw Malformed(format);
        }

        var value = restriction.GetArgument(index);
        if (comma < 0 && itemFormat is null)
        {
            handler.AppendFormatted(value);
            return;
        }

        var alignment = 0;
        if (comma >= 0 && !int.TryParse(head[(comma + 1)..].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out alignment))
        {
            throw Malformed(format);
        }

        handler.AppendFormatted(value, alignment, itemFormat);
    }

    private static ArgumentException Malformed(string format) =>
        new($"The restriction's format string \"{format}\" is malformed: holes are {{index}}, {{index,alignment}} or {{index:format}}, "
            + "and literal braces are doubled ({{ and }}).");

    /// <summary>
    /// A hole inside quotes would render a placeholder inside a SQL literal (<c>name = '@p0'</c>), which compares with the
    /// placeholder's own text: refuse it rather than match nothing silently. Quoting follows the attribute scan (a
    /// backslash escapes the next character, a doubled quote is an escaped quote).
    /// </summary>
    private void AssertHolesOutsideQuotes()
    {
        var quote = '\0';
        for (var s = 0; s < Segments.Count; s++)
        {
            var segment = Segments[s];
            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                if (quote == '\0')
                {
                    if (c is '\'' or '"' or '`') quote = c;
                }
                else if (c == '\\' && quote != '`')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }

            if (quote != '\0' && s < Values.Count)
            {
                var what = quote == '`' ? "a quoted name" : "a quoted SQL literal";
                throw new ArgumentException($"Restriction \"{Text}\": hole {{{s}}} stands inside {what}. Every hole is bound as a parameter, "
                    + "which is never quoted: remove the quotes around it (write name = {value}, not name = '{value}'); "
                    + "an attribute name cannot be a hole.");
            }
        }
    }
}

/// <summary>SQL text with bound parameters between its segments (an interpolated restriction).</summary>
internal sealed class InterpolatedCondition(IReadOnlyList<string> segments, IReadOnlyList<object?> values) : LeafCondition
{
    public override void Render(SqlBuilder sql)
    {
        for (var i = 0; i < values.Count; i++)
        {
            sql.Append(segments[i]).Parameter(values[i]);
        }

        sql.Append(segments[^1]);
    }
}
