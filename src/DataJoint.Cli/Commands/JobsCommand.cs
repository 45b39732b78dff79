using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace DataJoint.Cli.Commands;

/// <summary>
/// <c>dj jobs lab [--errors] [--clear [--yes]] [--ignore Table '{"key":1}']</c>: the jobs in the job tables (<c>~~name</c>,
/// docs/semantics.md#jobs) of a schema's auto-populated tables, one row each; <c>--clear</c> deletes the error jobs so the
/// next populate retries them, <c>--ignore</c> marks a key to be skipped.
/// </summary>
internal static class JobsCommand
{
    private static readonly string[] Shown = ["status", "error_message", "host", "created_time", "reserved_time", "completed_time"];

    public static Command Create(ConnectionOptions connection)
    {
        var schemaOption = SchemaArguments.SchemaOption();
        var schemaArgument = new Argument<string?>("schema") { Description = "The schema (instead of --schema).", Arity = ArgumentArity.ZeroOrOne };
        var errorsOption = new Option<bool>("--errors") { Description = "Only the jobs whose Make failed." };
        var clearOption = new Option<bool>("--clear") { Description = "Delete the error jobs (so the next populate retries their keys); asks first in safe mode unless --yes." };
        var yesOption = new Option<bool>("--yes", "-y") { Description = "Do not ask before --clear deletes." };
        var ignoreOption = new Option<string[]>("--ignore")
        {
            Description = "<table> <key-json>: mark the key of that auto-populated table ignored, so populate skips it (--ignore SessionStats '{\"subject_id\":1}').",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        ignoreOption.HelpName = "table> <key-json";
        var command = new Command("jobs", "List the jobs of a schema's job tables: table, status, key, host, time, error message (docs/cli.md#jobs).")
        {
            schemaOption,
            schemaArgument,
            errorsOption,
            clearOption,
            yesOption,
            ignoreOption,
        };
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var parse = scope.Parse;
            var schema = await scope.SchemaAsync(SchemaArguments.Required(parse, schemaOption, parse.GetValue(schemaArgument)), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(ignoreOption) is [var table, var keyJson])
            {
                await IgnoreAsync(scope, schema, table, keyJson, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var queues = await JobTablesAsync(schema, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(clearOption)) return await ClearAsync(scope, schema, queues, parse.GetValue(yesOption), cancellationToken).ConfigureAwait(false);
            await ListAsync(scope, schema, queues, parse.GetValue(errorsOption), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A job table that exists, and the class name of the table whose keys it queues.</summary>
    private sealed record Queue(string Target, FreeTable Jobs);

    /// <summary>The job tables of the schema's auto-populated tables, parents first; a table never populated with reserved jobs has none.</summary>
    private static async Task<List<Queue>> JobTablesAsync(Schema schema, CancellationToken cancellationToken)
    {
        var queues = new List<Queue>();
        foreach (var name in await schema.ListTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!name.StartsWith('_')) continue; // Computed (__name) and Imported (_name) tables only.
            if (await OpenJobTableAsync(schema, name, cancellationToken).ConfigureAwait(false) is { } jobs)
            {
                queues.Add(new Queue(new FreeTable(schema.Connection, Qualified(schema, name)).ClassName, jobs));
            }
        }

        return queues;
    }

    private static async Task<FreeTable?> OpenJobTableAsync(Schema schema, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return await FreeTable.OpenAsync(schema.Connection, Qualified(schema, "~~" + tableName.TrimStart('_')), cancellationToken).ConfigureAwait(false);
        }
        catch (MissingTableException)
        {
            return null;
        }
    }

    private static string Qualified(Schema schema, string table) => $"`{schema.Name}`.`{table}`";

    private static FreeTable WithStatus(FreeTable jobs, string status) => jobs & new Dictionary<string, object?> { ["status"] = status };

    private static async Task ListAsync(CommandScope scope, Schema schema, List<Queue> queues, bool errorsOnly, CancellationToken cancellationToken)
    {
        var rows = new List<string[]>();
        foreach (var queue in queues)
        {
            var jobs = errorsOnly ? WithStatus(queue.Jobs, "error") : queue.Jobs;
            var key = queue.Jobs.Heading.PrimaryKey;
            foreach (var job in await jobs.Proj(Shown).ToDictsAsync(string.Join(", ", key), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var time = job["completed_time"] ?? job["reserved_time"] ?? job["created_time"];
                rows.Add([queue.Target, (string)job["status"]!, KeyText.Describe(key.Select(k => KeyValuePair.Create(k, job[k]))), (string?)job["host"] ?? "",
                    time is DateTime t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "", Failures.OneLine((string?)job["error_message"] ?? "")]);
            }
        }

        if (rows.Count == 0)
        {
            await scope.Error.WriteLineAsync(queues.Count == 0
                ? $"Schema `{schema.Name}` has no job tables: populating with --reserve-jobs (or --workers) declares them."
                : $"No {(errorsOnly ? "error " : "")}jobs in the job tables of `{schema.Name}`.").ConfigureAwait(false);
            return;
        }

        string[] header = ["TABLE", "STATUS", "KEY", "HOST", "TIME", "ERROR"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            // The error message is last and not padded: it may be long.
            await scope.Output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd())
                .ConfigureAwait(false);
        }
    }

    private static async Task<int> ClearAsync(CommandScope scope, Schema schema, List<Queue> queues, bool yes, CancellationToken cancellationToken)
    {
        var counts = new List<(Queue Queue, long Count)>();
        foreach (var queue in queues)
        {
            var count = await WithStatus(queue.Jobs, "error").CountAsync(cancellationToken).ConfigureAwait(false);
            if (count > 0) counts.Add((queue, count));
        }

        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            await scope.Output.WriteLineAsync($"No error jobs in `{schema.Name}`: nothing deleted.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var question = $"Delete {total} error {(total == 1 ? "job" : "jobs")} ({string.Join(", ", counts.Select(c => $"{c.Queue.Target}: {c.Count}"))}) from `{schema.Name}`?";
        if (!yes && scope.Instance.Config.SafeMode && !Confirm(scope.Error, question))
        {
            throw new CliException($"Nothing deleted: {question[..^1]} was not confirmed. Pass --yes to delete without asking.", ExitCodes.Failed);
        }

        long deleted = 0;
        foreach (var (queue, _) in counts) deleted += await WithStatus(queue.Jobs, "error").DeleteAsync(prompt: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await scope.Output.WriteLineAsync($"Deleted {deleted} error {(deleted == 1 ? "job" : "jobs")} from `{schema.Name}`.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Safe mode's question on standard error, answered on the terminal; without one (a pipe, a script) the answer is no.</summary>
    private static bool Confirm(TextWriter error, string question)
    {
        if (Console.IsInputRedirected) return false;
        error.Write(question + " [yes/No]: ");
        error.Flush();
        return string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task IgnoreAsync(CommandScope scope, Schema schema, string tableName, string keyJson, CancellationToken cancellationToken)
    {
        var target = await schema.GetTableAsync(tableName, cancellationToken).ConfigureAwait(false);
        if (target.Tier is not (TableTier.Computed or TableTier.Imported))
        {
            throw new CliException($"{target.ClassName} is a {target.Tier} table: only Computed and Imported tables have jobs.", ExitCodes.Usage);
        }

        var jobs = await OpenJobTableAsync(schema, target.SqlTableName, cancellationToken).ConfigureAwait(false)
            ?? throw new CliException($"{target.ClassName} has no job table yet: `dotnet dj populate {schema.Name} {target.ClassName} --reserve-jobs` "
                + "(or Jobs.Declare() in code) declares it.", ExitCodes.NotFound);
        var key = ParseKey(keyJson, jobs.Heading.PrimaryKey, target.ClassName);
        var job = jobs & key;
        if (await job.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            await jobs.Update1Async(new Dictionary<string, object?>(key) { ["status"] = "ignore" }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // As JobTable.Ignore adds a job: the priority new jobs get, and who marked it.
            var settings = scope.Instance.Config.Jobs;
            await jobs.Insert1Async(new Dictionary<string, object?>(key)
            {
                ["status"] = "ignore",
                ["priority"] = settings.DefaultPriority,
                ["host"] = Environment.MachineName,
                ["pid"] = Environment.ProcessId,
                ["version"] = settings.Version,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await scope.Output.WriteLineAsync($"{target.ClassName} {KeyText.Describe(key)}: ignored (populate skips it).").ConfigureAwait(false);
    }

    /// <summary>A JSON object with exactly the job table's key attributes, as attribute values.</summary>
    private static Dictionary<string, object?> ParseKey(string json, IReadOnlyList<string> primaryKey, string table)
    {
        var form = "{" + string.Join(", ", primaryKey.Select(k => $"\"{k}\": …")) + "}";
        Dictionary<string, JsonElement>? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException ex)
        {
            throw new CliException($"--ignore {table} {json}: not a JSON object ({ex.Message}); write {form}.", ExitCodes.Usage);
        }

        if (parsed is null || !parsed.Keys.Order(StringComparer.Ordinal).SequenceEqual(primaryKey.Order(StringComparer.Ordinal)))
        {
            throw new CliException($"--ignore {table} {json}: the key of {table}'s jobs is {string.Join(", ", primaryKey)}; write {form}.", ExitCodes.Usage);
        }

        return primaryKey.ToDictionary(k => k, k => Value(parsed[k]), StringComparer.Ordinal);
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new CliException($"Key value {value.GetRawText()}: write a number or a string.", ExitCodes.Usage),
    };
}
