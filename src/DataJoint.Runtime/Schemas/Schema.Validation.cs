using DataJoint.Definition;

namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// Checks an existing table against its compiled definition (attribute names, primary key, nullability and
    /// DataJoint types) so a changed definition is reported instead of silently used against an old table.
    /// </summary>
    /// <exception cref="DefinitionException">The table differs; the message lists every difference.</exception>
    private void ValidateExisting(TableDefinition definition)
    {
        var actual = DatabaseHeading.Read(Connection, Name, definition.TableName).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var expected in definition.Attributes)
        {
            if (!actual.Remove(expected.Name, out var column))
            {
                problems.Add($"attribute `{expected.Name}` is missing");
                continue;
            }

            if (column.InKey != expected.InKey)
            {
                problems.Add($"`{expected.Name}` is {(column.InKey ? "" : "not ")}in the primary key of the table but {(expected.InKey ? "" : "not ")}in the definition");
            }

            if (column.Nullable != expected.Nullable)
            {
                problems.Add($"`{expected.Name}` is {(column.Nullable ? "nullable" : "required")} in the table but {(expected.Nullable ? "nullable" : "required")} in the definition");
            }

            // Native types are stored without a marker and reported by the server in its own spelling: not compared.
            if (expected.Spec.Category != TypeCategory.Native && !SameType(column.Type, expected.Type))
            {
                problems.Add($"`{expected.Name}` has type {column.Type} in the table but {expected.Type} in the definition");
            }
        }

        problems.AddRange(actual.Keys.Select(name => $"the table has attribute `{name}`, which the definition lacks"));
        if (problems.Count > 0)
        {
            throw new DefinitionException($"Table {Connection.Adapter.QualifiedName(Name, definition.TableName)} exists but does not match the definition "
                + $"of {definition.ClassName}: {string.Join("; ", problems)}. Alter or drop the table, or restore the definition.");
        }
    }

    private static bool SameType(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string type) => string.Concat(type.Where(c => !char.IsWhiteSpace(c))).Replace('"', '\'');
}
