using System.CommandLine;

namespace DataJoint.Cli.Commands;

/// <summary><c>dj describe --schema lab Session</c>: the table's definition as DataJoint's <c>describe()</c> writes it.</summary>
internal static class DescribeCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var schemaOption = SchemaArguments.SchemaOption();
        var tableArgument = new Argument<string>("table") { Description = "Class name (Session, Session.Trial) or SQL name (session__trial); schema.Table without --schema." };
        var command = new Command("describe", "Print a table's definition as DataJoint's describe() writes it (docs/existing-schemas.md#describe).")
        {
            schemaOption,
            tableArgument,
        };
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var (schemaName, tableName) = SchemaArguments.Table(scope.Parse, schemaOption, scope.Parse.GetValue(tableArgument)!);
            var schema = await scope.SchemaAsync(schemaName, cancellationToken).ConfigureAwait(false);
            var table = await schema.GetTableAsync(tableName, cancellationToken).ConfigureAwait(false);
            await scope.Output.WriteAsync(await table.DescribeAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
