using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DataJoint.Definition;

/// <summary>
/// Classifies a DataJoint type string in DataJoint's order (docs/semantics.md#types): core types first, then
/// native SQL categories, then codecs. Shared by the generator and the runtime (linked source).
/// </summary>
internal static class TypeClassifier
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex Sized = new(@"^(char|varchar)\s*\(\s*(\d+)\s*\)$", Options);
    private static readonly Regex DateTimeType = new(@"^datetime(\s*\(\s*([0-6])\s*\))?$", Options);
    private static readonly Regex DecimalType = new(@"^decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$", Options);
    private static readonly Regex EnumType = new(@"^enum\s*\((.*)\)$", Options | RegexOptions.Singleline);
    private static readonly Regex CodecType = new(@"^<\s*([A-Za-z_][A-Za-z0-9_]*)\s*(@\s*([A-Za-z0-9_\-]*))?\s*>$", Options);
    private static readonly Regex NativeInteger = new(@"^(tinyint|smallint|mediumint|bigint|int|integer)(\s*\(\d+\))?(\s+unsigned)?(\s+auto_increment)?$|^serial$", Options);
    private static readonly Regex NativeNumeric = new(@"^numeric(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?$", Options);
    private static readonly Regex NativeFloat = new(@"^(double|float|real)(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?(\s+unsigned)?$", Options);
    private static readonly Regex NativeTemporal = new(@"^(time|timestamp|year)(\s*\(\s*\d\s*\))?$", Options);
    private static readonly Regex NativeBlob = new(@"^(tiny|small|medium|long)blob$", Options);
    private static readonly Regex NativeText = new(@"^(tiny|medium|long)?text$", Options);

    private static readonly Dictionary<string, TypeCategory> Simple = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int8"] = TypeCategory.Int8,
        ["int16"] = TypeCategory.Int16,
        ["int32"] = TypeCategory.Int32,
        ["int64"] = TypeCategory.Int64,
        ["float32"] = TypeCategory.Float32,
        ["float64"] = TypeCategory.Float64,
        ["bool"] = TypeCategory.Bool,
        ["uuid"] = TypeCategory.Uuid,
        ["json"] = TypeCategory.Json,
        ["jsonb"] = TypeCategory.Json,
        ["bytes"] = TypeCategory.Bytes,
        ["date"] = TypeCategory.Date,
    };

    /// <summary>Classifies <paramref name="text"/>; returns null when the type is not supported.</summary>
    public static TypeSpec? Classify(string text)
    {
        var t = text.Trim();
        if (Simple.TryGetValue(t, out var simple))
        {
            return new TypeSpec(simple, t);
        }

        Match m;
        if ((m = DateTimeType.Match(t)).Success)
        {
            return new TypeSpec(TypeCategory.DateTime, t) { Precision = m.Groups[2].Success ? Int(m.Groups[2].Value) : null };
        }

        if ((m = Sized.Match(t)).Success)
        {
            var category = m.Groups[1].Value.Equals("char", StringComparison.OrdinalIgnoreCase) ? TypeCategory.Char : TypeCategory.VarChar;
            return new TypeSpec(category, t) { Length = Int(m.Groups[2].Value) };
        }

        if ((m = EnumType.Match(t)).Success)
        {
            var values = ParseEnumValues(m.Groups[1].Value);
            return values is null ? null : new TypeSpec(TypeCategory.Enum, t) { EnumValues = values };
        }

        if ((m = DecimalType.Match(t)).Success)
        {
            return new TypeSpec(TypeCategory.Decimal, t) { Precision = Int(m.Groups[1].Value), Scale = Int(m.Groups[2].Value) };
        }

        if ((m = CodecType.Match(t)).Success)
        {
            var name = m.Groups[1].Value;
            var store = m.Groups[2].Success ? m.Groups[3].Value : null;
            return new TypeSpec(TypeCategory.Codec, t)
            {
                CodecName = name,
                Store = store,
                StoredCategory = BuiltinCodecs.StoredCategory(name, store is not null),
            };
        }

        var native = NativeClrTypeOf(t);
        return native is null ? null : new TypeSpec(TypeCategory.Native, t) { NativeClrType = native };
    }

    /// <summary>
    /// Splits the inside of <c>enum(...)</c> into its quoted literals; null when a literal is not quoted or
    /// not terminated.
    /// </summary>
    public static IReadOnlyList<string>? ParseEnumValues(string inside)
    {
        var values = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < inside.Length && char.IsWhiteSpace(inside[i])) i++;
            if (i >= inside.Length) return values.Count == 0 ? null : values;
            var quote = inside[i];
            if (quote != '\'' && quote != '"') return null;
            var value = new System.Text.StringBuilder();
            i++;
            while (true)
            {
                if (i >= inside.Length) return null;
                if (inside[i] == quote)
                {
                    if (i + 1 < inside.Length && inside[i + 1] == quote)
                    {
                        value.Append(quote);
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                value.Append(inside[i++]);
            }

            values.Add(value.ToString());
            while (i < inside.Length && char.IsWhiteSpace(inside[i])) i++;
            if (i >= inside.Length) return values;
            if (inside[i] != ',') return null;
            i++;
        }
    }

    private static string? NativeClrTypeOf(string t)
    {
        Match m;
        if ((m = NativeInteger.Match(t)).Success)
        {
            if (t.Equals("serial", StringComparison.OrdinalIgnoreCase)) return "int";
            var unsigned = m.Groups[3].Success;
            return m.Groups[1].Value.ToLowerInvariant() switch
            {
                "tinyint" => unsigned ? "byte" : "sbyte",
                "smallint" => unsigned ? "ushort" : "short",
                "bigint" => unsigned ? "ulong" : "long",
                _ => unsigned ? "uint" : "int",
            };
        }

        if (NativeNumeric.IsMatch(t)) return "decimal";
        if ((m = NativeFloat.Match(t)).Success)
        {
            return m.Groups[1].Value.Equals("double", StringComparison.OrdinalIgnoreCase) ? "double" : "float";
        }

        if ((m = NativeTemporal.Match(t)).Success)
        {
            return m.Groups[1].Value.ToLowerInvariant() switch
            {
                "time" => "global::System.TimeSpan",
                "year" => "int",
                _ => "global::System.DateTime",
            };
        }

        if (NativeBlob.IsMatch(t)) return "byte[]";
        if (NativeText.IsMatch(t)) return "string";
        return null;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
