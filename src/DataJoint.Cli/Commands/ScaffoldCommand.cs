using System.CommandLine;

namespace DataJoint.Cli.Commands;

/// <summary>
/// <c>dj scaffold --schema lab [--namespace Lab] [--out Tables/]</c>: typed <c>[Definition]</c> classes for an existing schema
/// (<see cref="Schema.ScaffoldFilesAsync"/>), one file per table with its parts nested, or one source on standard output.
/// </summary>
internal static class ScaffoldCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var schemaOption = SchemaArguments.SchemaOption();
        var namespaceOption = new Option<string?>("--namespace", "-n") { Description = "Namespace of the classes; default: the schema name in PascalCase (lab_main → LabMain)." };
        var outOption = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder to write one file per table into (created if missing); default: one source on standard output." };
        var upstreamOption = new Option<string[]>("--upstream")
        {
            Description = "schema=Namespace for a schema holding parents (repeatable); default: that schema's name in PascalCase, as its own scaffold would use.",
            AllowMultipleArgumentsPerToken = false,
        };
        var forceOption = new Option<bool>("--force") { Description = "Overwrite files that exist already." };
        var command = new Command("scaffold", "Write typed [Definition] classes for the tables of an existing schema (docs/existing-schemas.md#scaffolding).")
        {
            schemaOption,
            namespaceOption,
            outOption,
            upstreamOption,
            forceOption,
        };
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var parse = scope.Parse;
            var schema = await scope.SchemaAsync(SchemaArguments.Required(parse, schemaOption), cancellationToken).ConfigureAwait(false);
            var targetNamespace = parse.GetValue(namespaceOption) ?? NamespaceNames.FromSchema(schema.Name);
            var upstream = await UpstreamNamespaces(schema, PairArguments.Parse(parse.GetValue(upstreamOption) ?? [], "--upstream", "schema=Namespace (--upstream lab_up=Lab.Up)"), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(outOption) is not { } folder)
            {
                await scope.Output.WriteAsync(await schema.ScaffoldAsync(targetNamespace, upstream, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var files = await schema.ScaffoldFilesAsync(targetNamespace, upstream, cancellationToken).ConfigureAwait(false);
            var paths = files.ToDictionary(f => Path.Combine(folder.FullName, f.Key), f => f.Value);
            // Every file is checked before any is written, so a refusal leaves the folder as it was.
            var existing = paths.Keys.Where(File.Exists).ToList();
            if (existing.Count > 0 && !parse.GetValue(forceOption))
            {
                throw new CliException($"Not overwriting {string.Join(", ", existing.Select(Path.GetFileName))} in {folder.FullName}: pass --force to replace them, "
                    + "or choose another --out folder.", ExitCodes.Failed);
            }

            Directory.CreateDirectory(folder.FullName);
            foreach (var (path, source) in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                await File.WriteAllTextAsync(path, source, cancellationToken).ConfigureAwait(false);
                await scope.Output.WriteLineAsync(path).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A namespace for every other schema a table of <paramref name="schema"/> refers to: as given, else the default.</summary>
    private static async Task<Dictionary<string, string>> UpstreamNamespaces(Schema schema, Dictionary<string, string> given, CancellationToken cancellationToken)
    {
        var namespaces = new Dictionary<string, string>(given, StringComparer.Ordinal);
        foreach (var name in await schema.ListTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = new FreeTable(schema.Connection, $"`{schema.Name}`.`{name}`");
            foreach (var parent in await table.ParentsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (parent.Schema.Name != schema.Name) namespaces.TryAdd(parent.Schema.Name, NamespaceNames.FromSchema(parent.Schema.Name));
            }
        }

        return namespaces;
    }
}
