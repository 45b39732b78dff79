using System.CommandLine;
using System.Reflection;

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
        var assemblyOption = new Option<FileInfo>("--assembly", "-a") { Description = "The built assembly holding the table classes (bin/Debug/net10.0/Lab.dll).", Required = true };
        var classArgument = new Argument<string>("class") { Description = "The table class (Session, Lab.Session, Session.Trial)." };
        var renameOption = new Option<string[]>("--rename") { Description = "new=old: an attribute renamed (repeatable); a rename is never guessed." };
        var upstreamOption = new Option<string[]>("--upstream")
        {
            Description = "schema=Namespace: the classes of that namespace are bound in that schema first, for parents in other schemas (repeatable).",
        };
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
            var type = assembly.TableClass(parse.GetValue(classArgument)!);
            var upstream = new List<Schema>();
            foreach (var (schemaName, ns) in PairArguments.Parse(parse.GetValue(upstreamOption) ?? [], "--upstream", "schema=Namespace"))
            {
                var upstreamSchema = await scope.SchemaAsync(schemaName, cancellationToken).ConfigureAwait(false);
                foreach (var parentClass in assembly.TableClassesIn(ns)) await BindAsync(upstreamSchema, parentClass, cancellationToken).ConfigureAwait(false);
                upstream.Add(upstreamSchema);
            }

            var name = SchemaArguments.Required(parse, schemaOption);
            _ = await scope.SchemaAsync(name, cancellationToken).ConfigureAwait(false);
            var schema = await scope.Instance.SchemaAsync(name, createSchema: false, createTables: false, upstream: upstream, ct: cancellationToken).ConfigureAwait(false);
            var table = await BindAsync(schema, type, cancellationToken).ConfigureAwait(false);
            var renames = PairArguments.Parse(parse.GetValue(renameOption) ?? [], "--rename", "new=old");
            var statements = await table.AlterStatementsAsync(renames, cancellationToken).ConfigureAwait(false);
            if (statements.Count == 0)
            {
                await scope.Output.WriteLineAsync($"-- {table.FullTableName} already matches {type.Name}: nothing to alter.").ConfigureAwait(false);
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

    /// <summary><c>schema.TableAsync&lt;T&gt;(Validation.Warn)</c> for a class known only at run time: a table that differs from its class still binds.</summary>
    private static async Task<UserTable> BindAsync(Schema schema, Type type, CancellationToken cancellationToken)
    {
        var bind = typeof(Schema).GetMethod(nameof(Schema.TableAsync), [typeof(Validation), typeof(CancellationToken)])!.MakeGenericMethod(type);
        try
        {
            var task = (Task)bind.Invoke(schema, [Validation.Warn, cancellationToken])!;
            await task.ConfigureAwait(false);
            return (UserTable)task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
