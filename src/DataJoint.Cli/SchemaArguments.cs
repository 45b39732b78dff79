using System.CommandLine;

namespace DataJoint.Cli;

/// <summary>The <c>--schema</c> option commands share, and the <c>schema.Table</c> form a table argument may take instead.</summary>
internal static class SchemaArguments
{
    public static Option<string?> SchemaOption() => new("--schema", "-s") { Description = "The schema (database) name." };

    /// <summary>The schema given by <c>--schema</c>, else <paramref name="positional"/>; neither is a usage error.</summary>
    public static string Required(ParseResult parse, Option<string?> option, string? positional = null)
    {
        var named = parse.GetValue(option);
        if (named is not null && positional is not null)
        {
            throw new CliException($"Two schemas named: --schema {named} and {positional}. Name one.", ExitCodes.Usage);
        }

        return named ?? positional ?? throw new CliException("Name the schema: --schema <name> (`dotnet dj schemas` lists them).", ExitCodes.Usage);
    }

    /// <summary>
    /// The schema and table of a table argument: with <c>--schema</c> the argument is the table (class name or SQL name);
    /// without, it is <c>schema.Table</c> (split at the first dot, so <c>lab.Session.Trial</c> is the part <c>Session.Trial</c>).
    /// </summary>
    public static (string Schema, string Table) Table(ParseResult parse, Option<string?> option, string table)
    {
        if (parse.GetValue(option) is { } schema) return (schema, table);
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == table.Length - 1)
        {
            throw new CliException($"Name the schema of table {table}: --schema <name> {table}, or <schema>.{table}.", ExitCodes.Usage);
        }

        return (table[..dot], table[(dot + 1)..]);
    }
}
