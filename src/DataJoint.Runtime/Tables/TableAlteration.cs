using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// Compares a table class with the table that exists (docs/existing-schemas.md#alter) and lists the changes <c>Alter</c> may
/// make: secondary attributes added, dropped, renamed (only when named in <c>renames</c>: a rename is never guessed, so
/// data is never lost to a drop and an add) or changed in type, default, nullability or comment, and the table comment.
/// A difference in the primary key, the foreign keys or the indexes is refused.
/// </summary>
internal static class TableAlteration
{
    /// <exception cref="DefinitionException">The class differs in what cannot be altered, or in an add and a drop not named as a rename.</exception>
    /// <exception cref="ArgumentException">A rename names attributes that do not fit.</exception>
    public static List<TableChange> Plan(TableDefinition definition, ExistingTable existing, BackendAdapter adapter, string schema,
        IReadOnlyDictionary<string, string>? renames)
    {
        var table = adapter.QualifiedName(existing.Schema, existing.Name);
        var refusals = new List<string>();
        var existingKey = existing.Attributes.Where(a => a.InKey).ToList();
        var declaredKey = definition.Attributes.Where(a => a.InKey).ToList();
        if (!existingKey.Select(a => a.Name).SequenceEqual(declaredKey.Select(a => a.Name), StringComparer.Ordinal))
        {
            refusals.Add($"the primary key is ({string.Join(", ", existingKey.Select(a => a.Name))}) in the table and "
                + $"({string.Join(", ", declaredKey.Select(a => a.Name))}) in the class");
        }

        var existingFks = existing.ForeignKeys.Select(fk => $"{fk.ParentTable}({string.Join(",", fk.Attributes)}→{string.Join(",", fk.ParentAttributes)})").Order().ToList();
        var declaredFks = definition.ForeignKeys.Select(fk => $"{fk.Parent.TableName}({string.Join(",", fk.Attributes)}→{string.Join(",", fk.ParentAttributes)})").Order().ToList();
        if (!existingFks.SequenceEqual(declaredFks)) refusals.Add($"the foreign keys are {List(existingFks)} in the table and {List(declaredFks)} in the class");

        var fkColumns = existing.ForeignKeys.Select(fk => fk.Attributes).ToList();
        var existingIndexes = existing.Indexes.Where(i => !fkColumns.Any(c => c.SequenceEqual(i.Columns, StringComparer.Ordinal)))
            .Select(i => (i.Unique ? "unique " : "") + $"index({string.Join(", ", i.Columns)})").Order().ToList();
        var declaredIndexes = definition.Indexes
            .Where(i => !fkColumns.Any(c => c.SequenceEqual(i.Attributes, StringComparer.Ordinal)))
            .Select(i => (i.Unique ? "unique " : "") + $"index({string.Join(", ", i.Attributes)})").Order().ToList();
        if (!existingIndexes.SequenceEqual(declaredIndexes)) refusals.Add($"the indexes are {List(existingIndexes)} in the table and {List(declaredIndexes)} in the class");
        foreach (var (keyAttribute, found) in declaredKey.Zip(existingKey).Where(p => p.First.Name == p.Second.Name && !SameType(p.First, p.Second, adapter, schema)))
        {
            refusals.Add($"key attribute `{keyAttribute.Name}` is {found.Type} in the table and {keyAttribute.Type} in the class");
        }

        if (refusals.Count > 0)
        {
            throw new DefinitionException($"Cannot alter {table} to match {definition.ClassName}: {string.Join("; ", refusals)}. Alter changes only "
                + "secondary attributes and the table comment; to change the primary key, foreign keys or indexes, drop the table and declare it again.");
        }

        var inherited = definition.ForeignKeys.SelectMany(fk => fk.Attributes).ToHashSet(StringComparer.Ordinal);
        var declared = definition.Attributes.Where(a => !a.InKey && !inherited.Contains(a.Name)).ToList();
        var existingSecondary = existing.Attributes.Where(a => !a.InKey && !fkColumns.Any(c => c.Contains(a.Name))).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var renamed = CheckRenames(renames, declared, existingSecondary, table);

        var changes = new List<TableChange>();
        foreach (var a in declared)
        {
            var oldName = renamed.GetValueOrDefault(a.Name, a.Name);
            if (!existingSecondary.TryGetValue(oldName, out var current)) changes.Add(new TableChange.Add(a));
            else
            {
                var columnChanged = !SameType(a, current, adapter, schema) || a.Nullable != current.Nullable || !SameDefault(a, current);
                if (oldName != a.Name || columnChanged || a.Comment != current.Comment) changes.Add(new TableChange.Modify(oldName, a, columnChanged));
            }
        }

        var kept = declared.Select(a => renamed.GetValueOrDefault(a.Name, a.Name)).ToHashSet(StringComparer.Ordinal);
        var dropped = existingSecondary.Keys.Where(name => !kept.Contains(name)).ToList();
        var added = changes.OfType<TableChange.Add>().Select(a => a.Attribute.Name).ToList();
        if (dropped.Count > 0 && added.Count > 0)
        {
            throw new DefinitionException($"Altering {table} to match {definition.ClassName} would drop {List(dropped)} and add {List(added)}. "
                + "If an added attribute is a dropped one renamed, say so with renames: new name → old name (its data is kept); "
                + "otherwise alter in two steps, so no data is dropped by accident.");
        }

        changes.AddRange(dropped.Select(name => new TableChange.Drop(name)));
        if (definition.Comment != existing.Comment) changes.Add(new TableChange.Comment(definition.Comment));
        return changes;
    }

    /// <summary>
    /// The modified attributes whose codec changes — from one codec to another, or between a codec and a core type — as
    /// (name, type in the table, type in the class). Alter changes columns, not values: values written by the old codec
    /// would be read by the new one.
    /// </summary>
    public static List<(string Name, string Was, string Becomes)> CodecChanges(List<TableChange> changes, ExistingTable existing) =>
        changes.OfType<TableChange.Modify>()
            .Select(m => (m.Attribute, Found: existing.Attributes.First(a => a.Name == m.OldName)))
            .Where(p => (p.Attribute.Spec.Category == TypeCategory.Codec || IsCodecMarker(p.Found.Type))
                && !string.Equals(Compact(p.Attribute.Type), Compact(p.Found.Type), StringComparison.OrdinalIgnoreCase))
            .Select(p => (p.Attribute.Name, p.Found.Type, p.Attribute.Type))
            .ToList();

    /// <summary>The refusal of <see cref="CodecChanges"/> on a table with rows.</summary>
    public static DefinitionException CodecChangeRefused(string table, string className, List<(string Name, string Was, string Becomes)> recoded) =>
        new($"Cannot alter {table} to match {className}: "
            + string.Join("; ", recoded.Select(c => $"`{c.Name}` is {c.Was} in the table and {c.Becomes} in the class"))
            + ". Alter changes the column, not the values already stored, so the new type would read values the old one wrote. "
            + "Add an attribute of the new type, copy the values into it (fetch and Update1), then drop the old one; or alter while the table is empty.");

    private static bool IsCodecMarker(string type) => type.StartsWith('<');

    private static Dictionary<string, string> CheckRenames(IReadOnlyDictionary<string, string>? renames, List<AttributeDefinition> declared,
        Dictionary<string, ExistingAttribute> found, string table)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (newName, oldName) in renames ?? new Dictionary<string, string>())
        {
            if (!declared.Any(a => a.Name == newName))
            {
                throw new ArgumentException($"Rename {oldName} → {newName}: the class declares no secondary attribute `{newName}`.", nameof(renames));
            }

            if (!found.ContainsKey(oldName))
            {
                throw new ArgumentException($"Rename {oldName} → {newName}: {table} has no secondary attribute `{oldName}`.", nameof(renames));
            }

            if (found.ContainsKey(newName) && newName != oldName)
            {
                throw new ArgumentException($"Rename {oldName} → {newName}: {table} already has an attribute `{newName}`.", nameof(renames));
            }

            result[newName] = oldName;
        }

        return result;
    }

    /// <summary>Core and codec types compare as written (the marker), native types as the server spells them.</summary>
    // A column without a type marker reads as its native type: an attribute inherited through a foreign key has none, so
    // `subject_id : int32` in the parent is `int` in the child, the very column the class declares.
    private static bool SameType(AttributeDefinition declared, ExistingAttribute found, BackendAdapter adapter, string schema) =>
        string.Equals(adapter.NativeTypeName(adapter.ColumnType(declared.Spec, schema)), found.Type, StringComparison.OrdinalIgnoreCase)
        || (declared.Spec.Category != TypeCategory.Native && string.Equals(Compact(declared.Type), Compact(found.Type), StringComparison.OrdinalIgnoreCase));

    private static string Compact(string type) => string.Concat(type.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Defaults compare by what the column stores (<c>'mouse'</c> = <c>"mouse"</c>, <c>true</c> = <c>1</c> for a bool).</summary>
    private static bool SameDefault(AttributeDefinition declared, ExistingAttribute found)
    {
        if (declared.Nullable || found.Nullable) return declared.Nullable == found.Nullable;
        if (declared.DefaultValue is null || found.Default is null) return declared.DefaultValue is null && found.Default is null;
        var a = AttributeDefault.TryParse(declared.DefaultValue, out _);
        var b = AttributeDefault.TryParse(found.Default, out _);
        if (a is null || b is null) return false;
        return a.Kind == DefaultKind.CurrentTimestamp || b.Kind == DefaultKind.CurrentTimestamp
            ? a.Kind == b.Kind && a.Value == b.Value
            : a.LiteralFor(declared.Spec.Category) == b.LiteralFor(declared.Spec.Category);
    }

    private static string List(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
