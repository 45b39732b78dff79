using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace DataJoint;

/// <summary>
/// Builds a restriction from an interpolated string: the literal parts are DataJoint's SQL restriction text
/// (checked for attribute names as a plain string restriction is), and every hole is bound as a parameter, so
/// <c>table &amp; $"species = {userInput}"</c> cannot inject SQL whatever <c>userInput</c> holds.
/// </summary>
/// <remarks>
/// <para>The compiler builds this handler whenever an interpolated string is passed to
/// <see cref="QueryExpression.Restrict(RestrictionStringHandler)"/>, <see cref="QueryExpression.RestrictNot(RestrictionStringHandler)"/>
/// or the <c>&amp;</c> and <c>-</c> operators of queries and tables; a plain (or constant) string is still DataJoint's
/// raw SQL restriction.</para>
/// <para>A hole is always a value, never SQL: do not quote it (<c>$"name = {x}"</c>, not <c>$"name = '{x}'"</c>, which
/// is refused), and it cannot name an attribute. Values are converted as dictionary restriction values are (enums
/// by name, JSON nodes as text, Guids for the backend's uuid column). A format or alignment
/// (<c>{day:yyyy-MM-dd}</c>, <c>{n,5}</c>) formats the value with the invariant culture and binds the text.
/// A null hole binds SQL NULL, and <c>attr = NULL</c> is never true in SQL: write <c>attr IS NULL</c> for missing values.</para>
/// </remarks>
[InterpolatedStringHandler]
public struct RestrictionStringHandler
{
    private readonly StringBuilder? _literal;
    private readonly List<string>? _segments;
    private readonly List<object?>? _values;

    /// <summary>Starts a restriction of <paramref name="literalLength"/> literal characters and <paramref name="formattedCount"/> holes.</summary>
    public RestrictionStringHandler(int literalLength, int formattedCount)
    {
        _literal = new StringBuilder(literalLength);
        _segments = new List<string>(formattedCount + 1);
        _values = new List<object?>(formattedCount);
    }

    /// <summary>Appends SQL restriction text.</summary>
    public readonly void AppendLiteral(string value) => Literal.Append(value);

    /// <summary>Appends a hole bound as a parameter.</summary>
    public readonly void AppendFormatted<T>(T value) => AddValue(value);

    /// <summary>Appends a hole whose value is formatted with <paramref name="format"/> (invariant culture) and bound as text.</summary>
    public readonly void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    /// <summary>Appends a hole whose value is padded to <paramref name="alignment"/> characters and bound as text.</summary>
    public readonly void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    /// <summary>Appends a hole whose value is formatted (invariant culture), padded and bound as text.</summary>
    public readonly void AppendFormatted<T>(T value, int alignment, string? format)
    {
        if (value is null)
        {
            AddValue(null);
            return;
        }

        var text = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value.ToString() ?? "";
        AddValue(alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment));
    }

    /// <summary>Appends a hole bound as a string parameter.</summary>
    public readonly void AppendFormatted(ReadOnlySpan<char> value) => AddValue(value.ToString());

    /// <summary>The restriction text with the holes written as <c>{0}</c>, <c>{1}</c>, ... (the values are not shown).</summary>
    public override readonly string ToString() => _segments is null ? "" : ToRestriction().Text;

    /// <summary>What the handler collected: the text between the holes and the hole values.</summary>
    internal readonly InterpolatedRestriction ToRestriction()
    {
        if (_literal is null || _segments is null || _values is null)
        {
            throw new ArgumentException("An uninitialised RestrictionStringHandler holds no restriction: pass an interpolated string ($\"attr = {value}\").");
        }

        return new InterpolatedRestriction([.. _segments, _literal.ToString()], [.. _values]);
    }

    private readonly StringBuilder Literal => _literal
        ?? throw new InvalidOperationException("An uninitialised RestrictionStringHandler cannot be appended to: pass an interpolated string.");

    private readonly void AddValue(object? value)
    {
        _segments!.Add(Literal.ToString());
        _literal!.Clear();
        _values!.Add(value);
    }
}
