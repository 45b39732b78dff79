using System.CommandLine;

namespace DataJoint.Cli.Commands;

/// <summary><c>dj schemas</c>: the schemas on the server, system schemas left out, one per line.</summary>
internal static class SchemasCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var command = new Command("schemas", "List the schemas on the server (system schemas left out), one per line.");
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            foreach (var name in await scope.Instance.ListSchemasAsync(cancellationToken).ConfigureAwait(false))
            {
                await scope.Output.WriteLineAsync(name).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
