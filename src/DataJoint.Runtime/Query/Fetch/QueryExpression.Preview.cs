using System.Globalization;
using System.Text;

namespace DataJoint;

public abstract partial class QueryExpression
{
    /// <summary>
    /// A text table of the first rows, as DataJoint's preview prints a query: at most <paramref name="limit"/> rows
    /// (default <c>display.limit</c>), columns at most <paramref name="width"/> characters wide (default <c>display.width</c>),
    /// primary-key columns marked <c>*</c>, binary and blob values shown by their type, and the total row count when
    /// <c>display.show_tuple_count</c> is on.
    /// </summary>
    public string Preview(int? limit = null, int? width = null)
    {
        var (rowLimit, columnWidth) = PreviewShape(limit, width);
        var rows = ToDicts(limit: rowLimit + 1);
        long? total = Connection.Config.Display.ShowTupleCount ? Count() : null;
        return RenderPreview(rows, rowLimit, columnWidth, total);
    }

    /// <summary>Asynchronous <see cref="Preview"/>.</summary>
    public async Task<string> PreviewAsync(int? limit = null, int? width = null, CancellationToken cancellationToken = default)
    {
        var (rowLimit, columnWidth) = PreviewShape(limit, width);
        var rows = await ToDictsAsync(limit: rowLimit + 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        long? total = Connection.Config.Display.ShowTupleCount ? await CountAsync(cancellationToken).ConfigureAwait(false) : null;
        return RenderPreview(rows, rowLimit, columnWidth, total);
    }

    private (int Limit, int Width) PreviewShape(int? limit, int? width)
    {
        var display = Connection.Config.Display;
        var rowLimit = limit ?? display.Limit;
        var columnWidth = width ?? display.Width;
        ArgumentOutOfRangeException.ThrowIfNegative(rowLimit, nameof(limit));
        ArgumentOutOfRangeException.ThrowIfLessThan(columnWidth, 4, nameof(width));
        return (rowLimit, columnWidth);
    }

    private string RenderPreview(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, int limit, int width, long? total)
    {
        var attributes = Heading.Attributes;
        var shown = rows.Take(limit).Select(row => attributes.Select(a => PreviewText(a, row[a.Name])).ToArray()).ToList();
        var headers = attributes.Select(a => (a.InKey ? "*" : "") + a.Name).ToArray();
        // DataJoint: the widest of the name and the values, plus 4, at most display.width.
        var widths = headers.Select((h, i) => Math.Min(width, shown.Select(r => r[i].Length).Append(h.Length).Max() + 4)).ToArray();
        var text = new StringBuilder();
        AppendLine(text, headers, widths);
        text.AppendJoin(' ', widths.Select(w => "+" + new string('-', w - 2) + "+")).Append('\n');
        foreach (var row in shown) AppendLine(text, row, widths);
        text.Append(rows.Count > limit ? "   ...\n" : "");
        if (total is { } count) text.Append(CultureInfo.InvariantCulture, $" (Total: {count})\n");
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append(' ');
            var cell = cells[i].Length > widths[i] ? cells[i][..widths[i]] : cells[i];
            text.Append(cell.PadRight(widths[i]));
        }

        text.Append('\n');
    }

    private static string PreviewText(HeadingAttribute attribute, object? value) => value switch
    {
        _ when attribute.Spec.Category == Definition.TypeCategory.Codec => $"<{attribute.Spec.CodecName}>",
        byte[] => "bytes",
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
