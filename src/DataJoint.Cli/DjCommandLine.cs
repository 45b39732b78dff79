using System.CommandLine;
using DataJoint.Cli.Commands;

namespace DataJoint.Cli;

/// <summary>The <c>dotnet dj</c> command line (docs/cli.md): its commands, and one run of it with given writers.</summary>
internal static class DjCommandLine
{
    public static RootCommand Build()
    {
        var connection = new ConnectionOptions();
        var root = new RootCommand("dotnet dj: DataJoint for .NET from the command line. Connection settings come from the options, "
            + "DJ_* variables, datajoint.json and .secrets/ (docs/configuration.md).");
        foreach (var option in connection.All) root.Options.Add(option);
        root.Subcommands.Add(SchemasCommand.Create(connection));
        root.Subcommands.Add(TablesCommand.Create(connection));
        root.Subcommands.Add(DescribeCommand.Create(connection));
        root.Subcommands.Add(ScaffoldCommand.Create(connection));
        root.Subcommands.Add(DiagramCommand.Create(connection));
        root.Subcommands.Add(AlterCommand.Create(connection));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a malformed command line prints its errors and exits <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) await error.WriteLineAsync("error: " + problem.Message).ConfigureAwait(false);
            await error.WriteLineAsync("Run `dotnet dj --help` (or `dotnet dj <command> --help`) for the usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
