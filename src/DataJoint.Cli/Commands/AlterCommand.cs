using System.CommandLine;

namespace DataJoint.Cli.Commands;

/// <summary>
/// <c>dj alter --assembly bin/Lab.dll --schema lab Session [--rename new=old] [--apply]</c>: the statements that bring the
/// table in line with its class (<see cref="UserTable.AlterStatementsAsync"/>), printed; run only with <c>--apply</c>
/// (docs/existing-schemas.md#alter).
/// </summary>
internal static class AlterCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var schemaOption = SchemaArguments.SchemaOption();
        var assemblyOption = UserAssembly.AssemblyOption();
        var classArgument = new Argument<string>("class") { Description = "The table class (Session, Lab.Session, Session.Trial)." };
        var renameOption = new Option<string[]>("--rename") { Description = "new=old: an attribute renamed (repeatable); a rename is never guessed." };
        var upstreamOption = UserAssembly.UpstreamOption();
        var applyOption = new Option<bool>("--apply") { Description = "Run the statements (without it, only print them)." };
        var command = new Command("alter", "Print the statements that bring a table in line with its class; run them with --apply.")
        {
            schemaOption,
            assemblyOption,
            classArgument,
            renameOption,
            upstreamOption,
            applyOption,
        };
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var parse = scope.Parse;
            var assembly = UserAssembly.Load(parse.GetValue(assemblyOption)!);
            // A table that differs from its class still binds: that difference is what alter shows.
            var table = await assembly.BindAsync(scope, SchemaArguments.Required(parse, schemaOption), parse.GetValue(classArgument)!,
                parse.GetValue(upstreamOption) ?? [], Validation.Warn, createTables: false, cancellationToken).ConfigureAwait(false);
            var renames = PairArguments.Parse(parse.GetValue(renameOption) ?? [], "--rename", "new=old");
            var statements = await table.AlterStatementsAsync(renames, cancellationToken).ConfigureAwait(false);
            if (statements.Count == 0)
            {
                await scope.Output.WriteLineAsync($"-- {table.FullTableName} already matches {table.GetType().Name}: nothing to alter.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var statement in statements) await scope.Output.WriteLineAsync(statement + ";").ConfigureAwait(false);
            if (!parse.GetValue(applyOption))
            {
                await scope.Output.WriteLineAsync("-- Not run: pass --apply to alter the table.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            // --apply is the confirmation: safe mode's prompt would ask again for what was just printed.
            await table.AlterAsync(prompt: false, renames, cancellationToken).ConfigureAwait(false);
            await scope.Output.WriteLineAsync($"-- {table.FullTableName} altered.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
