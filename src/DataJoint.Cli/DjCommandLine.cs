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
        root.Subcommands.Add(PopulateCommand.Create(connection));
        root.Subcommands.Add(JobsCommand.Create(connection));
        TypedHelpAction.Install(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a malformed command line prints its errors and exits <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        // `--help` is answered even on a line that lacks the command's required arguments and options.
        if (parse.Errors.Count > 0 && parse.Action is not TypedHelpAction)
        {
            foreach (var problem in parse.Errors) await error.WriteLineAsync("error: " + problem.Message).ConfigureAwait(false);
            var help = parse.CommandResult.Command is RootCommand ? "`dotnet dj --help` (or `dotnet dj <command> --help`)" : $"`{Typed(parse.CommandResult)} --help`";
            await error.WriteLineAsync($"Run {help} for the usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // The caller's token carries Ctrl+C (Program.cs), so the parser's own termination handling stays off.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The command as a user types it: <c>dotnet dj jobs</c>, not the executable's name.</summary>
    private static string Typed(System.CommandLine.Parsing.CommandResult command) =>
        command.Parent is System.CommandLine.Parsing.CommandResult parent ? Typed(parent) + " " + command.Command.Name : TypedHelpAction.Typed;
}
