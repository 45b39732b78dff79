using System.CommandLine;

namespace DataJoint.Cli.Commands;

/// <summary>
/// <c>dj diagram --schema lab [--format svg|png|dot|mermaid] [--out file]</c>: the schema's diagram (docs/diagrams.md). The
/// format is <c>--format</c>, else the extension of <c>--out</c>, else DOT; text formats go to standard output without
/// <c>--out</c>. SVG and PNG need Graphviz's <c>dot</c> on PATH.
/// </summary>
internal static class DiagramCommand
{
    private static readonly Dictionary<string, string> FormatOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "svg",
        [".png"] = "png",
        [".dot"] = "dot",
        [".gv"] = "dot",
        [".mmd"] = "mermaid",
        [".mermaid"] = "mermaid",
    };

    public static Command Create(ConnectionOptions connection)
    {
        var schemaOption = SchemaArguments.SchemaOption();
        var formatOption = new Option<string?>("--format", "-f") { Description = "svg, png, dot or mermaid; default: from --out's extension, else dot." };
        formatOption.AcceptOnlyFromAmong("svg", "png", "dot", "mermaid");
        var outOption = new Option<FileInfo?>("--out", "-o") { Description = "File to write; default: standard output (not for png)." };
        var command = new Command("diagram", "Draw the diagram of a schema's tables and foreign keys (docs/diagrams.md).")
        {
            schemaOption,
            formatOption,
            outOption,
        };
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var parse = scope.Parse;
            var file = parse.GetValue(outOption);
            var format = parse.GetValue(formatOption) ?? FormatOf(file);
            if (format == "png" && file is null)
            {
                throw new CliException("PNG is binary: pass --out diagram.png (or choose --format svg, dot or mermaid for standard output).", ExitCodes.Usage);
            }

            var schema = await scope.SchemaAsync(SchemaArguments.Required(parse, schemaOption), cancellationToken).ConfigureAwait(false);
            var diagram = await Diagram.OfAsync(schema, cancellationToken).ConfigureAwait(false);
            if (format == "png")
            {
                await File.WriteAllBytesAsync(file!.FullName, await diagram.ToPngAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var text = format switch
            {
                "svg" => await diagram.ToSvgAsync(cancellationToken).ConfigureAwait(false),
                "mermaid" => diagram.ToMermaid(),
                _ => diagram.ToDot(),
            };
            if (file is null) await scope.Output.WriteLineAsync(text.TrimEnd('\n')).ConfigureAwait(false);
            else await File.WriteAllTextAsync(file.FullName, text, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string FormatOf(FileInfo? file)
    {
        if (file is null) return "dot";
        return FormatOfExtension.TryGetValue(file.Extension, out var format) ? format
            : throw new CliException($"Cannot tell the format of {file.Name} from its extension: pass --format svg, png, dot or mermaid, "
                + "or name the file .svg, .png, .dot, .gv, .mmd or .mermaid.", ExitCodes.Usage);
    }
}
