using System.Globalization;
using System.Text;

namespace DataJoint;

/// <summary>
/// Writes an existing table's definition as DataJoint's <c>describe()</c> does, line for line: the comment line, the key
/// attributes, <c>---</c>, the secondary attributes, each foreign key as <c>-&gt; Parent</c> where its last attribute
/// stands (<c>.proj(new="old")</c> for renames, <c>[nullable, unique]</c> options), then the indexes no foreign key
/// accounts for. Attribute lines use DataJoint's columns (<c>%-20s : %-28s %s</c>).
/// </summary>
internal static class TableDescriber
{
    /// <summary>
    /// The definition with parents named as DataJoint names them from a module holding the schema's classes: the class name
    /// for a table of the same schema (<c>Session.Trial</c> for a part), the full table name for a table elsewhere.
    /// </summary>
    public static string Describe(ExistingTable table, BackendAdapter adapter) => Describe(table, fk =>
        fk.ParentSchema == table.Schema ? TableNames.ClassNameOf(fk.ParentTable) : adapter.QualifiedName(fk.ParentSchema, fk.ParentTable));

    /// <summary>The definition with each parent named by <paramref name="parentName"/>.</summary>
    public static string Describe(ExistingTable table, Func<ExistingForeignKey, string> parentName)
    {
        var text = new StringBuilder();
        if (table.Comment.Length > 0) text.Append("# ").Append(table.Comment).Append('\n');
        var indexes = table.Indexes.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inKey = true;
        foreach (var attribute in table.Attributes)
        {
            if (inKey && !attribute.InKey)
            {
                text.Append("---\n");
                inKey = false;
            }

            seen.Add(attribute.Name);
            var declaredHere = true;
            foreach (var fk in table.ForeignKeys.Where(f => f.Attributes.Contains(attribute.Name)))
            {
                declaredHere = false;
                if (!fk.Attributes.All(seen.Contains)) continue;
                text.Append(ForeignKeyLine(table, fk, parentName(fk), indexes)).Append('\n');
            }

            if (declaredHere) text.Append(AttributeLine(attribute)).Append('\n');
        }

        foreach (var index in indexes)
        {
            text.Append(index.Unique ? "UNIQUE " : "").Append("INDEX (").Append(string.Join(", ", index.Columns)).Append(")\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>-&gt;[options] Parent[.proj(...)]</c>; the index over exactly the foreign key's attributes is taken from
    /// <paramref name="indexes"/> (it is the key's own: <c>unique</c> when it is unique).
    /// </summary>
    private static string ForeignKeyLine(ExistingTable table, ExistingForeignKey fk, string parent, List<ExistingIndex> indexes)
    {
        var options = new List<string>();
        if (fk.Attributes.Any(a => table.Attributes.First(x => x.Name == a).Nullable)) options.Add("nullable");
        var own = indexes.FindIndex(i => i.Columns.SequenceEqual(fk.Attributes, StringComparer.Ordinal));
        if (own >= 0)
        {
            if (indexes[own].Unique) options.Add("unique");
            indexes.RemoveAt(own);
        }

        var line = new StringBuilder("->");
        if (options.Count > 0) line.Append(" [").Append(string.Join(", ", options)).Append(']');
        line.Append(' ').Append(parent);
        if (fk.IsRenamed)
        {
            var renames = fk.Attributes.Zip(fk.ParentAttributes).Where(p => p.First != p.Second).Select(p => $"{p.First}=\"{p.Second}\"");
            line.Append(".proj(").Append(string.Join(",", renames)).Append(')');
        }

        return line.ToString();
    }

    private static string AttributeLine(ExistingAttribute a)
    {
        var name = a.Default is null ? a.Name : a.Name + "=" + a.Default;
        return string.Format(CultureInfo.InvariantCulture, "{0,-20} : {1,-28} {2}", name, a.Type, a.Comment.Length > 0 ? "# " + a.Comment : "");
    }
}
