using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DataJoint.Definition;

namespace DataJoint.Generators.Model;

/// <summary>
/// Resolves one table against all tables of the compilation: finds each <c>-> Parent</c>, copies inherited
/// key attributes (with renames), detects cycles, and computes the heading the emitter writes, each attribute with
/// its lineage origin. Shared by the generator (which emits the result) and the analyzer (which reports its diagnostics).
/// </summary>
internal sealed class Resolver
{
    private readonly Dictionary<string, TableModel> _byFullName;
    private readonly Dictionary<string, Heading> _headings = new();
    private readonly Dictionary<string, CodecModel> _codecs = new();

    private Resolver(ImmutableArray<TableModel> all, IEnumerable<CodecModel> codecs)
    {
        _byFullName = new Dictionary<string, TableModel>();
        foreach (var table in all) _byFullName[table.FullName] = table;
        foreach (var codec in codecs) _codecs[codec.Name] = codec;
    }

    public static ResolvedTable Resolve(TableModel table, ImmutableArray<TableModel> all) => Resolve(table, all, []);

    /// <summary>Resolves <paramref name="table"/>; <paramref name="codecs"/> are the <c>[Codec]</c> classes its <c>&lt;name&gt;</c> types may name.</summary>
    public static ResolvedTable Resolve(TableModel table, ImmutableArray<TableModel> all, IEnumerable<CodecModel> codecs)
    {
        try
        {
            return new Resolver(all, codecs).ResolveTable(table);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            var diagnostics = table.Diagnostics.Concat([TableModelBuilder.Internal(table.ClassName, ex, table.ClassLocation)]);
            return new ResolvedTable(table, "", EquatableArray<ResolvedAttribute>.Empty, EquatableArray<ResolvedForeignKey>.Empty,
                EquatableArray<ResolvedIndex>.Empty, null, EquatableArray<string>.Empty, diagnostics.ToEquatableArray());
        }
    }

    private sealed class Heading
    {
        public List<ResolvedAttribute> Attributes { get; } = [];

        public List<ResolvedForeignKey> ForeignKeys { get; } = [];

        public List<DiagnosticInfo> Diagnostics { get; } = [];
    }

    private ResolvedTable ResolveTable(TableModel table)
    {
        var heading = HeadingOf(table, []);
        var diagnostics = table.Diagnostics.Concat(heading.Diagnostics).ToList();
        if (diagnostics.All(d => d.Id != DiagnosticIds.CircularReference) && CycleThrough(table) is { } cycleStart)
        {
            // A cycle found while resolving a parent is recorded on that parent's heading; report it on every member.
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.CircularReference,
                $"Circular foreign keys: '{table.ClassName}' depends on itself through '{cycleStart.Name}'; DataJoint tables form an acyclic graph",
                cycleStart.Location));
        }
        var tableName = SqlName(table);
        if (tableName.Length > 64)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.TableNameTooLong,
                $"Table name '{tableName}' of '{table.ClassName}' has {tableName.Length} characters; MySQL allows 64 and PostgreSQL 63. Shorten the class name",
                table.ClassLocation));
        }
        else if (tableName.Length > 63)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.TableNameTooLong,
                $"Table name '{tableName}' of '{table.ClassName}' has 64 characters; PostgreSQL allows 63. Shorten the class name",
                table.ClassLocation));
        }

        var indexes = new List<ResolvedIndex>();
        foreach (var item in table.Items.Where(i => i.Kind == DefinitionItemKind.Index))
        {
            foreach (var column in item.Columns.Where(c => c.Attribute is not null))
            {
                if (heading.Attributes.All(a => a.Name != column.Attribute))
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnknownIndexAttribute,
                        $"Index names '{column.Attribute}', which is not an attribute of '{table.ClassName}' "
                        + $"({string.Join(", ", heading.Attributes.Select(a => a.Name))})", column.Location ?? item.Location));
                }
            }

            indexes.Add(new ResolvedIndex(item.Columns.Select(c => c.Text).ToEquatableArray(), item.Unique));
        }

        var parts = _byFullName.Values.Where(t => t.IsPart && t.ContainingFullName == table.FullName)
            .OrderBy(t => t.FullName, System.StringComparer.Ordinal).Select(t => t.GlobalName);
        var master = table.IsPart && table.ContainingFullName is { } m && _byFullName.ContainsKey(m) ? "global::" + m : null;
        return new ResolvedTable(table, tableName, heading.Attributes.ToEquatableArray(), heading.ForeignKeys.ToEquatableArray(),
            indexes.ToEquatableArray(), master, parts.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The foreign-key line of <paramref name="table"/> that leads back to it, or null when it is on no cycle.</summary>
    private ItemModel? CycleThrough(TableModel table)
    {
        foreach (var item in table.Items.Where(i => i.Kind == DefinitionItemKind.ForeignKey))
        {
            if (FindParent(table, item, []) is { } parent && Reaches(parent, table.FullName, []))
            {
                return item;
            }
        }

        return null;
    }

    private bool Reaches(TableModel from, string target, HashSet<string> seen)
    {
        if (from.FullName == target) return true;
        if (!seen.Add(from.FullName)) return false;
        return from.Items.Where(i => i.Kind == DefinitionItemKind.ForeignKey)
            .Select(i => FindParent(from, i, []))
            .Any(parent => parent is not null && Reaches(parent, target, seen));
    }

    /// <summary>DataJoint's SQL table name: tier prefix + snake_case, parts as <c>master__part</c>.</summary>
    private string SqlName(TableModel table)
    {
        if (table.IsPart && table.ContainingFullName is { } masterName && _byFullName.TryGetValue(masterName, out var master))
        {
            return SqlName(master) + "__" + Naming.ClassToSqlName(table.ClassName);
        }

        return Naming.TierPrefix(table.Tier) + Naming.ClassToSqlName(table.ClassName);
    }

    private Heading HeadingOf(TableModel table, HashSet<string> visiting)
    {
        if (_headings.TryGetValue(table.FullName, out var known)) return known;
        var heading = new Heading();
        visiting.Add(table.FullName);
        var names = new HashSet<string>();
        foreach (var item in table.Items)
        {
            switch (item.Kind)
            {
                case DefinitionItemKind.Attribute:
                    if (!names.Add(item.Name))
                    {
                        heading.Diagnostics.Add(new DiagnosticInfo(DiagnosticIds.DuplicateAttribute,
                            $"Attribute '{item.Name}' is declared twice in '{table.ClassName}' (possibly inherited through a foreign key); rename one",
                            item.Location));
                        break;
                    }

                    if (item.InKey && table.Tier.IsAutoPopulated())
                    {
                        // DataJoint: the key of an auto-populated table comes from its parents (key_source), or jobs lose granularity.
                        heading.Diagnostics.Add(new DiagnosticInfo(DiagnosticIds.NewKeyInAutoPopulated,
                            $"'{item.Name}' is a new primary-key attribute of the {table.Tier} table '{table.ClassName}': the primary key of an "
                            + "auto-populated table must come from foreign keys; move it below '---' or make it a Part table of the result",
                            item.Location));
                    }

                    if (TypeClassifier.Classify(item.Type) is { } spec)
                    {
                        if (spec.Category == TypeCategory.Codec && !BuiltinCodecs.IsBuiltin(spec.CodecName!) && !_codecs.ContainsKey(spec.CodecName!))
                        {
                            heading.Diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnknownCodec,
                                $"'{item.Name}' has type <{spec.CodecName}>, but no class in the compilation is marked [Codec(\"{spec.CodecName}\")]: "
                                + $"declare one (e.g. 'sealed class {Naming.SnakeToPascal(spec.CodecName!)}Codec : Codec<T>') or use a built-in codec "
                                + "(<blob>, <attach>, <hash@>, <object@>, <npy@>, <filepath@>)",
                                item.Location));
                        }

                        // A native key attribute originates here; a native secondary attribute has no lineage.
                        var origin = item.InKey ? new LineageOrigin(table.GlobalName, item.Name) : null;
                        heading.Attributes.Add(Attribute(item.Name, spec, item.InKey, item.Nullable, item.Default, item.Comment, origin));
                    }

                    break;
                case DefinitionItemKind.ForeignKey:
                    AddForeignKey(table, item, heading, names, visiting);
                    break;
            }
        }

        visiting.Remove(table.FullName);
        _headings[table.FullName] = heading;
        return heading;
    }

    private void AddForeignKey(TableModel table, ItemModel item, Heading heading, HashSet<string> names, HashSet<string> visiting)
    {
        var parent = FindParent(table, item, heading.Diagnostics);
        if (parent is null) return;
        if (visiting.Contains(parent.FullName))
        {
            heading.Diagnostics.Add(new DiagnosticInfo(DiagnosticIds.CircularReference,
                parent.FullName == table.FullName
                    ? $"'{table.ClassName}' references itself; DataJoint tables form an acyclic graph"
                    : $"Circular foreign keys: '{table.ClassName}' and '{parent.ClassName}' depend on each other; DataJoint tables form an acyclic graph",
                item.Location));
            return;
        }

        var parentHeading = HeadingOf(parent, visiting);
        var parentKey = parentHeading.Attributes.Where(a => a.InKey).ToList();
        var renames = item.Renames.ToDictionary(r => r.OldName, r => r.NewName);
        foreach (var old in renames.Keys.Where(o => parentKey.All(a => a.Name != o)))
        {
            heading.Diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnknownRenamedAttribute,
                $"'{old}' is not a primary-key attribute of '{parent.ClassName}' ({string.Join(", ", parentKey.Select(a => a.Name))}), so it cannot be renamed",
                item.Location));
        }

        var childNames = new List<string>();
        foreach (var key in parentKey)
        {
            var name = renames.TryGetValue(key.Name, out var renamed) ? renamed : key.Name;
            childNames.Add(name);
            if (!names.Add(name))
            {
                var existing = heading.Attributes.FirstOrDefault(a => a.Name == name);
                if (existing is not null && !string.Equals(existing.Type, key.Type, System.StringComparison.OrdinalIgnoreCase))
                {
                    heading.Diagnostics.Add(new DiagnosticInfo(DiagnosticIds.KeyTypeClash,
                        $"'{name}' comes from '{parent.ClassName}' as {key.Type} but is already {existing.Type} in '{table.ClassName}'; "
                        + $"rename it with -> {parent.ClassName}.proj(new_name='{key.Name}')", item.Location));
                }

                continue;
            }
            var spec = TypeClassifier.Classify(key.Type)!;
            // Inherited attributes keep the parent's lineage, renamed or not.
            heading.Attributes.Add(Attribute(name, spec, item.InKey, item.Nullable, item.Nullable ? "null" : null, key.Comment, key.Lineage));
        }

        heading.ForeignKeys.Add(new ResolvedForeignKey(parent.GlobalName, childNames.ToEquatableArray(),
            parentKey.Select(a => a.Name).ToEquatableArray(), item.InKey, item.Nullable, item.Unique));
    }

    /// <summary>Finds <c>-> Name</c>: <c>master</c>, the enclosing types, the namespace and its parents, then a fully qualified name.</summary>
    private TableModel? FindParent(TableModel table, ItemModel item, List<DiagnosticInfo> diagnostics)
    {
        var reference = item.Name;
        if (reference == "master" || reference.StartsWith("master.", System.StringComparison.Ordinal))
        {
            if (!table.IsPart || table.ContainingFullName is not { } masterName || !_byFullName.ContainsKey(masterName))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.MasterOutsidePart,
                    $"'-> master' is only valid in a Part table nested in its master; '{table.ClassName}' is not one", item.Location));
                return null;
            }

            reference = masterName + reference.Substring("master".Length);
            if (_byFullName.TryGetValue(reference, out var direct)) return direct;
        }

        if (reference.StartsWith(DefinitionParser.GlobalAlias, System.StringComparison.Ordinal))
        {
            var fullName = reference.Substring(DefinitionParser.GlobalAlias.Length);
            if (_byFullName.TryGetValue(fullName, out var exact)) return exact;
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnknownParent,
                $"Foreign key reference '{item.Name}' could not be resolved: no [Definition] table class has the full name '{fullName}'", item.Location));
            return null;
        }

        var scopes = new List<string>();
        var ns = table.Namespace;
        var types = table.ContainingTypes.ToList();
        types.Add(table.ClassName);
        for (var depth = types.Count; depth >= 0; depth--)
        {
            scopes.Add((ns.Length == 0 ? "" : ns + ".") + string.Join(".", types.Take(depth)));
        }

        var nsParts = ns.Split('.').Where(p => p.Length > 0).ToList();
        for (var depth = nsParts.Count - 1; depth >= 0; depth--) scopes.Add(string.Join(".", nsParts.Take(depth)));
        foreach (var scope in scopes)
        {
            var candidate = scope.Trim('.').Length == 0 ? reference : scope.Trim('.') + "." + reference;
            if (_byFullName.TryGetValue(candidate, out var found)) return found;
        }

        var suffixMatches = _byFullName.Values.Where(t => t.FullName.EndsWith("." + reference, System.StringComparison.Ordinal)).ToList();
        if (suffixMatches.Count == 1) return suffixMatches[0];
        diagnostics.Add(suffixMatches.Count > 1
            ? new DiagnosticInfo(DiagnosticIds.AmbiguousParent,
                $"Foreign key reference '{item.Name}' is ambiguous: it could be {string.Join(" or ", suffixMatches.Select(t => t.FullName))}; qualify it",
                item.Location)
            : new DiagnosticInfo(DiagnosticIds.UnknownParent,
                $"Foreign key reference '{item.Name}' could not be resolved: no [Definition] table class of that name is in scope", item.Location));
        return null;
    }

    private ResolvedAttribute Attribute(string name, TypeSpec spec, bool inKey, bool nullable, string? defaultValue, string comment,
        LineageOrigin? lineage)
    {
        var initializer = nullable ? null : DefaultInitializer(spec, defaultValue);
        var optional = !nullable && defaultValue is not null && initializer is null;
        if (spec.Category == TypeCategory.Codec && !BuiltinCodecs.IsBuiltin(spec.CodecName!))
        {
            // A custom codec's values are what its class decodes to; the runtime resolves its chain through the instance's codecs.
            var codec = _codecs.TryGetValue(spec.CodecName!, out var found) ? found : new CodecModel(spec.CodecName!, "object", true);
            return new ResolvedAttribute(name, spec.Text, inKey, nullable, defaultValue, comment, codec.ClrType, $"ReadCodec<{codec.ClrType}>",
                codec.IsReferenceType, initializer, optional, lineage, CustomCodec: true);
        }

        return new ResolvedAttribute(name, spec.Text, inKey, nullable, defaultValue, comment, spec.ClrType, ReadMethod(spec),
            spec.IsReferenceClrType, initializer, optional, lineage,
            ReadArgument: spec.Category == TypeCategory.Decimal ? (spec.Scale ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static string ReadMethod(TypeSpec spec) => spec.Category switch
    {
        TypeCategory.Int8 => "ReadInt8",
        TypeCategory.Int16 => "ReadInt16",
        TypeCategory.Int32 => "ReadInt32",
        TypeCategory.Int64 => "ReadInt64",
        TypeCategory.Float32 => "ReadFloat32",
        TypeCategory.Float64 => "ReadFloat64",
        TypeCategory.Decimal => "ReadDecimal",
        TypeCategory.Bool => "ReadBool",
        TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum => "ReadString",
        TypeCategory.Date => "ReadDate",
        TypeCategory.DateTime => "ReadDateTime",
        TypeCategory.Json => "ReadJson",
        TypeCategory.Uuid => "ReadGuid",
        TypeCategory.Codec => CodecReadMethod(spec),
        TypeCategory.Bytes => "ReadBytes",
        _ => "ReadAs<" + spec.ClrType + ">",
    };

    private static string CodecReadMethod(TypeSpec spec) => (spec.CodecName, spec.IsInStore) switch
    {
        ("blob", false) => "ReadBlob",
        ("blob", true) => "ReadStoredBlob",
        ("attach", false) => "ReadAttachment",
        ("attach", true) => "ReadStoredAttachment",
        ("hash", true) => "ReadHashed",
        ("object", true) => "ReadObject",
        ("filepath", true) => "ReadFilepath",
        ("npy", true) => "ReadNpy",
        _ when spec.StoredCategory == TypeCategory.Json => "ReadJson",
        _ => "ReadBytes",
    };

    /// <summary>A C# initializer for a literal default, so an unset Row property carries the declared default; null when none fits.</summary>
    private static string? DefaultInitializer(TypeSpec spec, string? defaultValue)
    {
        if (defaultValue is null || AttributeDefault.TryParse(defaultValue, out _)?.LiteralFor(spec.Category) is not { } literal) return null;
        var invariant = CultureInfo.InvariantCulture;
        switch (spec.Category)
        {
            case TypeCategory.Int8 or TypeCategory.Int16 or TypeCategory.Int32 or TypeCategory.Int64:
                return long.TryParse(literal, NumberStyles.Integer, invariant, out var l) ? $"({spec.ClrType}){l.ToString(invariant)}" : null;
            case TypeCategory.Float32 or TypeCategory.Float64:
                return double.TryParse(literal, NumberStyles.Float, invariant, out var d)
                    ? $"({spec.ClrType}){d.ToString("R", invariant)}d" : null;
            case TypeCategory.Decimal:
                return decimal.TryParse(literal, NumberStyles.Float, invariant, out var m) ? m.ToString(invariant) + "m" : null;
            case TypeCategory.Bool:
                return literal switch { "1" => "true", "0" => "false", _ => null };
            case TypeCategory.Char or TypeCategory.VarChar or TypeCategory.Enum:
                return Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(literal, quote: true);
            case TypeCategory.Date:
                return System.DateTime.TryParseExact(literal, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date)
                    ? $"new global::System.DateOnly({date.Year}, {date.Month}, {date.Day})" : null;
            default:
                return null;
        }
    }
}
