using System.Globalization;
using System.Text;

namespace DataJoint;

/// <summary>
/// Writes JSON as Python's <c>json.dumps</c> does by default (<c>", "</c> and <c>": "</c> separators, non-ASCII
/// escaped as lowercase <c>\uXXXX</c>), so metadata written by .NET is the text DataJoint-Python writes.
/// </summary>
internal sealed class PythonJson
{
    private readonly StringBuilder text = new("{");
    private bool first = true;

    public PythonJson Add(string key, string? value)
    {
        Key(key);
        if (value is null) text.Append("null");
        else String(value);
        return this;
    }

    public PythonJson Add(string key, long value)
    {
        Key(key);
        text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public PythonJson Add(string key, long? value)
    {
        if (value is { } n) return Add(key, n);
        Key(key);
        text.Append("null");
        return this;
    }

    public PythonJson Add(string key, bool value)
    {
        Key(key);
        text.Append(value ? "true" : "false");
        return this;
    }

    /// <summary>A list of integers, as <c>json.dumps</c> writes a list (<c>[2, 3]</c>).</summary>
    public PythonJson Add(string key, IReadOnlyList<long> values)
    {
        Key(key);
        text.Append('[').AppendJoin(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))).Append(']');
        return this;
    }

    public override string ToString() => text + "}";

    private void Key(string key)
    {
        if (!first) text.Append(", ");
        first = false;
        String(key);
        text.Append(": ");
    }

    private void String(string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ' or > '~': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
