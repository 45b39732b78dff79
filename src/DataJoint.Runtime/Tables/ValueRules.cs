using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// What a value may be for an attribute, checked without the server. <see cref="Refusal"/> is what every insert refuses
/// before anything is sent; <see cref="Mismatch"/> adds what <see cref="Table.Validate(IEnumerable{object}, bool)"/> also
/// reports: a .NET type the attribute does not take, text too long, an enum value not declared, a decimal too large —
/// what the server would refuse (or, on MySQL, quietly convert) once the row is sent.
/// </summary>
internal static class ValueRules
{
    // The text both servers read as a datetime.
    private static readonly string[] IsoDateTimes =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFF"];

    /// <summary>
    /// Why insert refuses <paramref name="value"/> (not null) for <paramref name="attribute"/>, or null: a fraction for an
    /// integer, a time of day for a date, a collection for text, invalid UTF-16 (a lone surrogate) in text, U+0000 or
    /// ±Infinity where the backend cannot store them, a uuid that does not parse (or is no uuid at all), and integers (or their text) out of the declared range.
    /// Rounding to a declared precision (decimal scale, datetime fractions) stays ordinary SQL behaviour.
    /// </summary>
    public static string? Refusal(HeadingAttribute attribute, object value, BackendAdapter adapter)
    {
        var spec = attribute.Spec;
        switch (spec.Category)
        {
            case TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64 when value is double or float or decimal:
                var fractional = value switch { double d => d != Math.Floor(d), float f => f != MathF.Floor(f), _ => (decimal)value != decimal.Floor((decimal)value) };
                if (fractional) return "is not a whole number";
                break;
            case TypeCategory.Date when value is DateTime { TimeOfDay.Ticks: > 0 }:
                return "has a time of day, which a date would drop; pass a DateOnly or the date alone";
            case TypeCategory.Float32 or TypeCategory.Float64
                when !adapter.StoresInfinity && value is double.PositiveInfinity or double.NegativeInfinity or float.PositiveInfinity or float.NegativeInfinity:
                return $"is infinite, which {adapter.Backend} cannot store in a float column";
            case TypeCategory.Uuid when value is string text && !Guid.TryParse(text, out _):
            case TypeCategory.Uuid when value is not (Guid or string or byte[]):
                return "is not a uuid";
            // The server would store text out of the declared range too (PostgreSQL widens int8 to smallint).
            case TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64
                when value is string digits && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return RangeRefusal(spec, parsed);
            case TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum when value is IEnumerable and not string:
                return "is a collection, not text";
        }

        if (value is string s && spec.Category is TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum or TypeCategory.Json or TypeCategory.Native
            && TextRefusal(s, adapter) is { } why)
        {
            return why;
        }

        return RangeRefusal(spec, value);
    }

    /// <summary>Why <paramref name="value"/> (not null, not refused) does not fit <paramref name="attribute"/> once sent, or null.</summary>
    public static string? Mismatch(HeadingAttribute attribute, object value)
    {
        var spec = attribute.Spec;
        if (!TakesType(spec, value)) return $"is a {value.GetType().Name}; {attribute.Type} takes {Expected(spec)}";
        switch (spec.Category)
        {
            case TypeCategory.Char or TypeCategory.VarChar when spec.Length is { } length && Text(value) is var text && CountCharacters(text) > length:
                return $"is {CountCharacters(text)} characters long; {attribute.Type} holds at most {length}";
            case TypeCategory.Enum when !spec.EnumValues.Contains(Text(value), StringComparer.Ordinal):
                return $"is not one of the declared values ({string.Join(", ", spec.EnumValues.Select(v => $"'{v}'"))})";
            case TypeCategory.Decimal when spec.Precision is { } precision && !FitsDecimal(value, precision - (spec.Scale ?? 0)):
                return $"has more than {precision - (spec.Scale ?? 0)} digits before the decimal point, which {attribute.Type} cannot hold";
            case TypeCategory.Float32 when value is double d && double.IsFinite(d) && Math.Abs(d) > float.MaxValue:
                return $"is out of range for {attribute.Type} (±{float.MaxValue.ToString(CultureInfo.InvariantCulture)})";
            case TypeCategory.Json when value is string json && !IsJson(json):
                return "is not JSON text; pass a JsonNode or valid JSON";
            case TypeCategory.Codec:
                return CodecMismatch(spec, value);
        }

        return null;
    }

    /// <summary>A value as an error message shows it: text quoted, numbers and dates with their .NET type, others by type.</summary>
    public static string Describe(object value) => value switch
    {
        string s => $"'{Shorten(s)}'",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.GetType().Name,
    };

    // DataJoint sends NaN (and '' for numeric attributes) as DEFAULT, i.e. NULL for nullable attributes.
    public static bool IsMissingNumber(HeadingAttribute attribute, object value) =>
        (value is double d && double.IsNaN(d)) || (value is float f && float.IsNaN(f))
        || (attribute.Spec.IsNumeric && value is string { Length: 0 });

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? TextRefusal(string text, BackendAdapter adapter)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return $"holds a lone surrogate (invalid UTF-16) at position {i}, which would be stored as U+FFFD";
            if (c == '\0' && !adapter.StoresNulInText) return $"holds U+0000 at position {i}, which {adapter.Backend} cannot store in text";
        }

        return null;
    }

    // PostgreSQL widens int8 to smallint, so the declared range is enforced here for every backend alike.
    private static string? RangeRefusal(TypeSpec spec, object value)
    {
        if (value is not (sbyte or byte or short or ushort or int or uint or long)) return null;
        var (min, max) = spec.Category switch
        {
            TypeCategory.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            TypeCategory.Int16 => (short.MinValue, short.MaxValue),
            TypeCategory.Int32 => (int.MinValue, (long)int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return number < min || number > max ? $"is out of range ({min} to {max})" : null;
    }

    private static bool IsInteger(object value) => value is sbyte or byte or short or ushort or int or uint or long;

    private static bool IsNumber(object value) => IsInteger(value) || value is float or double or decimal;

    /// <summary>
    /// The .NET types the generated <c>Row</c> holds for the attribute, the ones insert converts losslessly, and text the
    /// server reads as the type (both backends receive text untyped and parse it: ISO dates, invariant numbers).
    /// </summary>
    private static bool TakesType(TypeSpec spec, object value) => spec.Category switch
    {
        TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64 =>
            IsNumber(value) || (value is string s && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
        TypeCategory.Float32 or TypeCategory.Float64 or TypeCategory.Decimal =>
            IsNumber(value) || (value is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
        // PostgreSQL has no cast from an integer parameter to boolean; the text 0/1 both servers read.
        TypeCategory.Bool => value is bool or "0" or "1",
        TypeCategory.Char or TypeCategory.VarChar => value is string or Enum || IsNumber(value),
        TypeCategory.Enum => value is string or Enum,
        TypeCategory.Date => value is DateOnly or DateTime
            || (value is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
        TypeCategory.DateTime => value is DateTime || (value is string s && DateTime.TryParseExact(s, IsoDateTimes, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
        TypeCategory.Json => value is string or JsonNode,
        TypeCategory.Uuid => value is Guid or string,
        TypeCategory.Bytes => value is byte[],
        _ => true,
    };

    private static string Expected(TypeSpec spec) => spec.Category switch
    {
        TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64 => "a whole number (or its invariant text)",
        TypeCategory.Float32 or TypeCategory.Float64 or TypeCategory.Decimal => "a number (or its invariant text)",
        TypeCategory.Bool => "a bool",
        TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum => "a string",
        TypeCategory.Date => "a DateOnly (or yyyy-MM-dd text)",
        TypeCategory.DateTime => "a DateTime (or ISO text, yyyy-MM-dd HH:mm:ss)",
        TypeCategory.Json => "a JsonNode or JSON text",
        TypeCategory.Uuid => "a Guid",
        _ => "a byte[]",
    };

    private static string Text(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString()!;

    // Both servers count characters (code points), not UTF-16 units.
    private static int CountCharacters(string text) => text.EnumerateRunes().Count();

    private static bool FitsDecimal(object value, int integerDigits)
    {
        decimal number;
        try
        {
            number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return false;
        }

        var limit = 1m;
        for (var i = 0; i < integerDigits && limit < decimal.MaxValue / 10; i++) limit *= 10;
        return Math.Abs(decimal.Truncate(number)) < limit;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>DataJoint's codec validate: what each built-in codec can encode, checked without writing to a store.</summary>
    private static string? CodecMismatch(TypeSpec spec, object value)
    {
        switch (spec.CodecName)
        {
            case "blob":
                try
                {
                    Blob.Pack(value);
                    return null;
                }
                catch (BlobException ex)
                {
                    return $"cannot be serialized as a blob: {ex.Message}";
                }

            case "attach":
                return value switch
                {
                    Attachment => null,
                    string path when File.Exists(path) => null,
                    FileInfo file when file.Exists => null,
                    string or FileInfo => $"names no existing file ({value}); {spec.Text} attaches a file",
                    _ => $"is a {value.GetType().Name}; {spec.Text} takes an Attachment or the path of a file",
                };
            case "hash":
                return value is byte[] ? null : $"is a {value.GetType().Name}; {spec.Text} takes a byte[]";
            default:
                return null;
        }
    }
}
