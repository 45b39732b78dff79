using System.CommandLine;

namespace DataJoint.Cli;

/// <summary>What a command's body gets: its parsed line, an instance connected as the options say, and where to write results and notes.</summary>
internal sealed record CommandScope(ParseResult Parse, Instance Instance, TextWriter Output, TextWriter Error)
{
    /// <summary>
    /// Sets <paramref name="command"/>'s action: settings loaded (<see cref="ConnectionOptions.Load"/>), an instance made, the body
    /// run, and any failure printed as one line on the error writer with its exit code (<see cref="Failures"/>).
    /// </summary>
    public static void SetAction(Command command, ConnectionOptions connection, Func<CommandScope, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var instance = new Instance(connection.Load(parse));
                return await body(new CommandScope(parse, instance, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                var (message, exitCode) = Failures.Explain(ex);
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + Failures.OneLine(message)).ConfigureAwait(false);
                return exitCode;
            }
        });
    }

    /// <summary>The schema named, which must exist: a missing one is a <see cref="CliException"/> listing the schemas there are.</summary>
    public async Task<Schema> SchemaAsync(string name, CancellationToken cancellationToken)
    {
        var schemas = await Instance.ListSchemasAsync(cancellationToken).ConfigureAwait(false);
        if (!schemas.Contains(name, StringComparer.Ordinal))
        {
            throw new CliException($"Schema `{name}` does not exist on the {Instance.Connection.Description}; it has: "
                + (schemas.Count == 0 ? "no schemas" : string.Join(", ", schemas)) + " (`dotnet dj schemas` lists them).", ExitCodes.NotFound);
        }

        return await Instance.SchemaAsync(name, createSchema: false, createTables: false, ct: cancellationToken).ConfigureAwait(false);
    }
}
