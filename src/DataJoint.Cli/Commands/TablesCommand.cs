using System.CommandLine;

namespace DataJoint.Cli.Commands;

/// <summary><c>dj tables --schema lab</c>: the schema's tables, parents first: SQL name, class name, tier.</summary>
internal static class TablesCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var schemaOption = SchemaArguments.SchemaOption();
        var schemaArgument = new Argument<string?>("schema") { Description = "The schema (instead of --schema).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("tables", "List the tables of a schema, parents first: SQL name, class name, tier (DataJoint's ~ tables left out).")
        {
            schemaOption,
            schemaArgument,
        };
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var schema = await scope.SchemaAsync(SchemaArguments.Required(scope.Parse, schemaOption, scope.Parse.GetValue(schemaArgument)), cancellationToken)
                .ConfigureAwait(false);
            var tables = (await schema.ListTablesAsync(cancellationToken).ConfigureAwait(false))
                .Select(name => new FreeTable(scope.Instance.Connection, $"`{schema.Name}`.`{name}`")).ToList();
            var nameWidth = tables.Select(t => t.SqlTableName.Length).DefaultIfEmpty(0).Max();
            var classWidth = tables.Select(t => t.ClassName.Length).DefaultIfEmpty(0).Max();
            foreach (var table in tables)
            {
                await scope.Output.WriteLineAsync($"{table.SqlTableName.PadRight(nameWidth)}  {table.ClassName.PadRight(classWidth)}  {table.Tier}")
                    .ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
