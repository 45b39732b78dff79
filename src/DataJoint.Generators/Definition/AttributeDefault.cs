using System;
using System.Text;
using System.Text.RegularExpressions;

namespace DataJoint.Definition;

/// <summary>
/// A written attribute default, read by DataJoint's default rules (docs/semantics.md#defaults). The one reading used by
/// the analyzer's check (DJ0018), the generated <c>Row</c> initializer and the DDL, so the three agree. Inside quotes the
/// quote character is written twice to stand for itself (<c>'it''s'</c>, <c>"say ""hi"""</c>), as in enum values;
/// every other character, a backslash included, means itself on both backends.
/// </summary>
internal sealed class AttributeDefault
{
    private static readonly Regex CurrentTimestampPattern =
        new(@"^current_timestamp\s*(\(\s*(\d)\s*\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private AttributeDefault(DefaultKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public DefaultKind Kind { get; }

    /// <summary>
    /// The value: the text between the quotes with doubled quotes undone, the written text of a bare default, the SQL
    /// (<c>CURRENT_TIMESTAMP(3)</c>, upper case) of the clock; empty for <see cref="DefaultKind.Null"/>.
    /// </summary>
    public string Value { get; }

    /// <summary>True for a value the column stores as written (<see cref="DefaultKind.Quoted"/> or <see cref="DefaultKind.Bare"/>).</summary>
    public bool IsLiteral => Kind is DefaultKind.Quoted or DefaultKind.Bare;

    /// <summary>Reads <paramref name="written"/>; null with <paramref name="problem"/> (a phrase after "Default X ...") when it is malformed.</summary>
    public static AttributeDefault? TryParse(string written, out string? problem)
    {
        var text = written.Trim();
        problem = null;
        if (text.Length == 0)
        {
            problem = "is empty: write a value, or '= null' for a nullable attribute";
            return null;
        }

        if (text.Equals("null", StringComparison.OrdinalIgnoreCase)) return new AttributeDefault(DefaultKind.Null, "");
        var clock = CurrentTimestampPattern.Match(text);
        if (clock.Success)
        {
            var sql = clock.Groups[2].Success ? "CURRENT_TIMESTAMP(" + clock.Groups[2].Value + ")" : "CURRENT_TIMESTAMP";
            return new AttributeDefault(DefaultKind.CurrentTimestamp, sql);
        }

        var quote = text[0];
        if (quote is '\'' or '"')
        {
            var value = Unquote(text, quote);
            if (value is null) problem = $"is not one quoted value: a {quote} inside it is written twice ({quote}{quote})";
            return value is null ? null : new AttributeDefault(DefaultKind.Quoted, value);
        }

        if (text.IndexOf('\'') >= 0 || text.IndexOf('"') >= 0)
        {
            problem = "mixes bare text and quotes: quote the whole value";
            return null;
        }

        return new AttributeDefault(DefaultKind.Bare, text);
    }

    /// <summary>Reads a default that the generator has already checked; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static AttributeDefault Parse(string written) =>
        TryParse(written, out var problem) ?? throw new FormatException($"Default {written.Trim()} {problem}.");

    /// <summary>
    /// The literal a column of <paramref name="category"/> stores: <see cref="Value"/>, with a boolean's <c>true</c>/<c>false</c>
    /// as <c>1</c>/<c>0</c> (what both backends accept for a bool column); null when the default is not a literal.
    /// </summary>
    public string? LiteralFor(TypeCategory category)
    {
        if (!IsLiteral) return null;
        if (category != TypeCategory.Bool) return Value;
        return Value.ToLowerInvariant() switch { "true" => "1", "false" => "0", _ => Value };
    }

    /// <summary>The text between the outer quotes with each doubled quote made single; null when a quote stands alone or the closing one is missing.</summary>
    private static string? Unquote(string text, char quote)
    {
        if (text.Length < 2 || text[text.Length - 1] != quote) return null;
        var value = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == quote)
            {
                if (i + 1 >= text.Length - 1 || text[i + 1] != quote) return null;
                i++;
            }

            value.Append(text[i]);
        }

        return value.ToString();
    }
}
