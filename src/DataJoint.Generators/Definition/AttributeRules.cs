using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace DataJoint.Definition;

/// <summary>
/// DataJoint's rules for one attribute line (docs/semantics.md#attribute-lines, #defaults): its type, its default, its name. Pure; the
/// parser runs them on every attribute it reads.
/// </summary>
internal static class AttributeRules
{
    /// <summary>The longest identifier both backends accept (MySQL allows 64, PostgreSQL 63).</summary>
    public const int MaxIdentifierLength = 63;

    private static readonly string[] CoreTypes =
    [
        "int8", "int16", "int32", "int64", "float32", "float64", "bool", "uuid", "json", "bytes", "date", "datetime",
    ];

    public static IEnumerable<DefinitionError> Check(AttributeItem a)
    {
        if (a.Name.Length > MaxIdentifierLength)
        {
            yield return new DefinitionError(DiagnosticIds.AttributeNameTooLong,
                $"Attribute name '{a.Name}' has {a.Name.Length} characters; PostgreSQL allows {MaxIdentifierLength} and MySQL 64: shorten it",
                a.NameRange);
        }

        if (SqlReservedWords.Contains(a.Name))
        {
            yield return new DefinitionError(DiagnosticIds.SqlReservedWord,
                $"Attribute name '{a.Name}' is a reserved SQL word: DataJoint quotes it, but every hand-written SQL restriction must quote it too; prefer a name such as '{a.Name}_value' or 'the_{a.Name}'",
                a.NameRange);
        }

        var spec = TypeClassifier.Classify(a.Type);
        if (spec is null)
        {
            yield return UnsupportedType(a);
            yield break;
        }

        if (spec.Category == TypeCategory.Native)
        {
            yield return new DefinitionError(DiagnosticIds.NativeType,
                $"'{a.Type}' of '{a.Name}' is a native SQL type: it is passed through unchecked and is not portable between MySQL and PostgreSQL{NativeAdvice(spec)}",
                a.TypeRange);
        }

        if (spec.Category == TypeCategory.Codec && spec.Store is null && spec.CodecName is { } codec && BuiltinCodecs.StoreRequired(codec))
        {
            yield return new DefinitionError(DiagnosticIds.CodecNeedsStore,
                $"<{codec}> of '{a.Name}' requires @ (in-store storage only): write '<{codec}@>' for the default store or '<{codec}@store>' to name one",
                a.TypeRange);
        }

        if (a.InKey && a.IsNullable)
        {
            yield return new DefinitionError(DiagnosticIds.NullablePrimaryKey,
                $"Primary key attributes cannot be nullable: '{a.Name}' is above '---' and has '= null'; move it below '---' or remove '= null'",
                a.DefaultRange);
        }

        if (a.Default is { } written && !a.IsNullable && spec.IsBlob)
        {
            yield return new DefinitionError(DiagnosticIds.BlobDefault,
                $"The default value for blob attributes can only be NULL: '{a.Name} : {a.Type}' has '= {written}'; write '= null' or remove the default",
                a.DefaultRange);
        }

        if (a.InKey && (spec.IsBlob || spec.Category == TypeCategory.Json))
        {
            yield return new DefinitionError(DiagnosticIds.BlobInKey,
                $"'{a.Type}' attributes are not allowed in the primary key: move '{a.Name}' below '---'", a.TypeRange);
        }

        if (a.Default is { } d && !a.IsNullable && InvalidDefault(spec, d) is { } problem)
        {
            yield return new DefinitionError(DiagnosticIds.InvalidDefault, $"Default {d} of '{a.Name} : {a.Type}' {problem}", a.DefaultRange);
        }
    }

    private static DefinitionError UnsupportedType(AttributeItem a)
    {
        var type = a.Type.Trim();
        var lower = type.ToLowerInvariant();
        var word = Regex.Match(lower, @"^[a-z_0-9]*").Value;
        if (Regex.IsMatch(lower, @"^uint(8|16|32|64)$"))
        {
            var larger = lower switch { "uint8" => "int16", "uint16" => "int32", _ => "int64" };
            return new DefinitionError(DiagnosticIds.UnsignedType,
                $"'{type}' of '{a.Name}': DataJoint 2.x has no unsigned core types; use '{larger}', the next larger signed type", a.TypeRange);
        }

        if (word == "enum")
        {
            return new DefinitionError(DiagnosticIds.BadEnum, EnumProblem(a, type), a.TypeRange);
        }

        var advice = word switch
        {
            "varchar" or "char" => $"'{word}' needs a length: write '{word}(n)', e.g. '{word}(32)'",
            "decimal" => "'decimal' needs a precision and a scale: write 'decimal(p,s)', e.g. 'decimal(8,2)'",
            "datetime" => "'datetime' takes a fractional-second precision from 0 to 6: write 'datetime' or 'datetime(n)'",
            "string" or "str" or "text" => "use 'varchar(n)' for text",
            "int" or "integer" => "use 'int32'",
            "boolean" => "use 'bool'",
            "blob" => "plain 'blob' is not accepted: use 'bytes' for raw bytes or '<blob>' for serialized objects",
            "double" => "use 'float64'",
            "float" => "use 'float32' or 'float64'",
            "guid" => "use 'uuid'",
            "timestamp" or "time" => "use 'datetime'",
            _ => Spelling.Closest(word, CoreTypes) is { } near ? $"did you mean '{near}'?" : null,
        };
        return new DefinitionError(DiagnosticIds.UnknownType,
            $"Unsupported attribute type '{type}' of '{a.Name}'" + (advice is null ? "" : ": " + advice)
            + ". Core types: int8, int16, int32, int64, float32, float64, decimal(p,s), bool, char(n), varchar(n), enum('a', ...), date, datetime[(n)], json, uuid, bytes; codecs: <name>",
            a.TypeRange);
    }

    private static string EnumProblem(AttributeItem a, string type)
    {
        var open = type.IndexOf('(');
        var close = type.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return $"Malformed enum '{type}' of '{a.Name}': list the values in parentheses, e.g. enum('a', 'b')";
        }

        var inside = type.Substring(open + 1, close - open - 1);
        if (inside.Trim().Length == 0) return $"The enum of '{a.Name}' has no values: list at least one, e.g. enum('a', 'b')";
        var unquoted = inside.Split(',').Select(v => v.Trim()).FirstOrDefault(v => v.Length > 0 && v[0] != '\'' && v[0] != '"');
        return unquoted is not null
            ? $"Enum value {unquoted} of '{a.Name}' is not quoted: write enum('{unquoted}', ...)"
            : $"Malformed enum '{type}' of '{a.Name}': every value is a quoted string, separated by commas, e.g. enum('a', 'b')";
    }

    private static string NativeAdvice(TypeSpec spec) => spec.NativeClrType switch
    {
        "sbyte" => "; prefer 'int8'",
        "short" => "; prefer 'int16'",
        "int" => spec.Text.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? "; prefer 'int16'" : "; prefer 'int32'",
        "long" => "; prefer 'int64'",
        "byte" => "; unsigned types are MySQL-only, prefer 'int16'",
        "ushort" => "; unsigned types are MySQL-only, prefer 'int32'",
        "uint" or "ulong" => "; unsigned types are MySQL-only, prefer 'int64'",
        "float" => "; prefer 'float32'",
        "double" => "; prefer 'float64'",
        "decimal" => "; prefer 'decimal(p,s)'",
        "byte[]" => "; prefer 'bytes'",
        "string" => "; prefer 'varchar(n)'",
        "global::System.DateTime" => "; prefer 'datetime'",
        _ => "",
    };

    /// <summary>Why <paramref name="written"/> cannot be the default of <paramref name="spec"/>; null when it can.</summary>
    private static string? InvalidDefault(TypeSpec spec, string written)
    {
        if (AttributeDefault.TryParse(written, out var malformed) is not { } parsed) return malformed;
        if (parsed.Kind == DefaultKind.CurrentTimestamp)
        {
            return spec.Category == TypeCategory.DateTime || (spec.Category == TypeCategory.Native && spec.Text.StartsWith("timestamp", StringComparison.OrdinalIgnoreCase))
                ? null
                : "is only valid for datetime attributes: use a literal value";
        }

        var value = parsed.Value;
        if (value.IndexOf('\0') >= 0) return "contains a NUL character, which PostgreSQL cannot store in text: remove it";
        var invariant = CultureInfo.InvariantCulture;
        switch (spec.Category)
        {
            case TypeCategory.Enum when !spec.EnumValues.Contains(value):
                return $"is not one of the enum values ({string.Join(", ", spec.EnumValues.Select(v => "'" + v + "'"))})";
            case TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64
                when !long.TryParse(value, NumberStyles.Integer, invariant, out _):
                return "is not an integer";
            case TypeCategory.Int8 when long.Parse(value, NumberStyles.Integer, invariant) is < sbyte.MinValue or > sbyte.MaxValue:
            case TypeCategory.Int16 when long.Parse(value, NumberStyles.Integer, invariant) is < short.MinValue or > short.MaxValue:
            case TypeCategory.Int32 when long.Parse(value, NumberStyles.Integer, invariant) is < int.MinValue or > int.MaxValue:
                return $"is out of range for {spec.Text}";
            case TypeCategory.Float32 or TypeCategory.Float64 when !double.TryParse(value, NumberStyles.Float, invariant, out _):
            case TypeCategory.Decimal when !decimal.TryParse(value, NumberStyles.Float, invariant, out _):
                return "is not a number";
            case TypeCategory.Bool when value.ToLowerInvariant() is not ("0" or "1" or "true" or "false"):
                return "is not a boolean: use 1, 0, true or false";
            case TypeCategory.Char or TypeCategory.VarChar when spec.Length is { } length && value.Length > length:
                return $"is {value.Length} characters long, more than the {length} that {spec.Text} holds";
            case TypeCategory.Date when !DateTime.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out _):
                return "is not a date: write it as \"yyyy-mm-dd\"";
            case TypeCategory.Uuid when !Guid.TryParse(value, out _):
                return "is not a UUID";
            default:
                return null;
        }
    }
}
