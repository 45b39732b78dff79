using System;
using System.Collections.Generic;
using DataJoint.Generators.Model;

using DataJoint.Definition;

namespace DataJoint.Generators.Diagnostics;

/// <summary>Checks one attribute's type and default against DataJoint's rules (feature map §1.2, §2.1).</summary>
internal static class AttributeRules
{
    public static void Check(AttributeItem a, Func<TextRange, LocationInfo> locate, List<DiagnosticInfo> diagnostics)
    {
        var spec = TypeClassifier.Classify(a.Type);
        if (spec is null)
        {
            var lower = a.Type.ToLowerInvariant();
            if (lower.StartsWith("uint", StringComparison.Ordinal))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnsignedType,
                    $"Unsupported attribute type '{a.Type}' of '{a.Name}': DataJoint 2.x has no unsigned core types; use the next larger signed type",
                    locate(a.TypeRange)));
            }
            else if (lower.StartsWith("enum", StringComparison.Ordinal))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.BadEnum,
                    $"Malformed enum '{a.Type}' of '{a.Name}': write enum('a', 'b', ...) with quoted values", locate(a.TypeRange)));
            }
            else
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnknownType,
                    $"Unsupported attribute type '{a.Type}' of '{a.Name}'. Core types: int8, int16, int32, int64, float32, float64, "
                    + "decimal(p,s), bool, char(n), varchar(n), enum(...), date, datetime, json, uuid, bytes", locate(a.TypeRange)));
            }

            return;
        }

        if (spec.Category == TypeCategory.Native)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NativeType,
                $"'{a.Type}' of '{a.Name}' is a native SQL type, passed through unchecked and not portable between MySQL and PostgreSQL; prefer a core type",
                locate(a.TypeRange)));
        }

        if (a.InKey && a.IsNullable)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NullablePrimaryKey,
                $"Primary key attributes cannot be nullable: '{a.Name}' is above '---' and has '= null'", locate(a.DefaultRange)));
        }

        if (a.Default is not null && !a.IsNullable && spec.IsBlob)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.BlobDefault,
                $"The default value for blob attributes can only be NULL: '{a.Name}' has '= {a.Default}'", locate(a.DefaultRange)));
        }

        if (a.InKey && (spec.IsBlob || spec.Category == TypeCategory.Json))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.BlobInKey,
                $"Blob or JSON attributes are not allowed in the primary key: move '{a.Name}' below '---'", locate(a.TypeRange)));
        }

        if (a.Default is { } d && !a.IsNullable && spec.Category == TypeCategory.Enum)
        {
            var value = d.Trim('"', '\'');
            if (!System.Linq.Enumerable.Contains(spec.EnumValues, value))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NullDefaultOnly,
                    $"Default '{value}' of '{a.Name}' is not one of the enum values ({string.Join(", ", spec.EnumValues)})", locate(a.DefaultRange)));
            }
        }
    }
}
