using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DataJoint.Cli;

/// <summary>
/// The parser's help, with the program named as a user types it: <c>dotnet dj populate …</c>, where the parser would
/// write the executable's file name (<c>dotnet-dj</c>, or the host's name when run in process).
/// </summary>
internal sealed class TypedHelpAction(HelpAction help, string executableName) : SynchronousCommandLineAction
{
    public const string Typed = "dotnet dj";

    /// <summary>Puts this action on <paramref name="root"/>'s help option (which every command inherits).</summary>
    public static void Install(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new TypedHelpAction((HelpAction)option.Action!, root.Name);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        configuration.Output = text;
        try
        {
            help.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        var lines = text.ToString().Split('\n').Select(line => line.StartsWith("  " + executableName, StringComparison.Ordinal)
            ? "  " + Typed + line[(2 + executableName.Length)..]
            : line);
        output.Write(string.Join('\n', lines));
        return ExitCodes.Success;
    }
}
