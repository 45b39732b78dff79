using DataJoint.Definition;

namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// Checks an existing table against its compiled definition: attribute names, primary key, nullability and DataJoint
    /// types (as <see cref="DatabaseHeading"/> restores them, so tables declared by DataJoint-Python compare equal), so a
    /// changed definition is reported instead of silently used against an old table.
    /// </summary>
    /// <exception cref="DefinitionException">With <see cref="Validation.Strict"/>, the table differs; the message lists every difference.</exception>
    private async ValueTask ValidateExisting(TableDefinition definition, Validation validation, bool sync, CancellationToken cancellationToken)
    {
        var problems = await Differences(definition, sync, cancellationToken).ConfigureAwait(false);
        if (problems.Count == 0) return;
        var table = Connection.Adapter.QualifiedName(Name, definition.TableName);
        if (validation == Validation.Warn)
        {
            var logger = SchemaLog.For(Connection.DataJointLoggers);
            foreach (var problem in problems) SchemaLog.TableDiffers(logger, table, definition.ClassName, problem);
            return;
        }

        throw new DefinitionException($"Table {table} exists but does not match the definition of {definition.ClassName}: "
            + $"{string.Join("; ", problems)}. Alter or drop the table, restore the definition, or bind with Validation.Warn to read it as it is.");
    }

    private async ValueTask<List<string>> Differences(TableDefinition definition, bool sync, CancellationToken cancellationToken)
    {
        var adapter = Connection.Adapter;
        var actual = (await DatabaseHeading.Read(Connection, Name, definition.TableName, sync, cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
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

            // A native type is compared in the server's spelling of what this definition would declare.
            var expectedType = expected.Spec.Category == TypeCategory.Native
                ? adapter.NativeTypeName(adapter.ColumnType(expected.Spec, Name))
                : expected.Type;
            if (!SameType(column.Type, expectedType))
            {
                problems.Add($"`{expected.Name}` has type {column.Type} in the table but {expected.Type} in the definition");
            }
        }

        problems.AddRange(actual.Keys.Select(name => $"the table has attribute `{name}`, which the definition lacks"));
        return problems;
    }

    private static bool SameType(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string type) => string.Concat(type.Where(c => !char.IsWhiteSpace(c))).Replace('"', '\'');
}
