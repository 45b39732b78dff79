using System.CommandLine;
using System.Globalization;

namespace DataJoint.Cli.Commands;

/// <summary>
/// <c>dj populate lab SessionStats --assembly bin/Lab.dll [--reserve-jobs] [--workers N] [--max-calls N] [--suppress-errors]
/// [--display-progress]</c>: the table class bound to its existing table and populated (<see cref="AutoPopulated.PopulateAsync(PopulateOptions, object[], CancellationToken)"/>),
/// progress on standard error, one summary line on standard output. Ctrl+C stops taking keys, releases the reservation of
/// the key in progress and exits 130.
/// </summary>
internal static class PopulateCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var schemaArgument = new Argument<string>("schema") { Description = "The schema (database) holding the table." };
        var classArgument = new Argument<string>("class") { Description = "The auto-populated table class (SessionStats, Lab.SessionStats)." };
        var assemblyOption = UserAssembly.AssemblyOption();
        var upstreamOption = UserAssembly.UpstreamOption();
        var reserveJobsOption = new Option<bool>("--reserve-jobs") { Description = "Reserve each key in the table's job table first, so several processes can populate at once." };
        var workersOption = new Option<int>("--workers", "-w") { Description = "Workers in this process, each on its own connection (more than 1 implies --reserve-jobs).", DefaultValueFactory = _ => 1 };
        var maxCallsOption = new Option<int?>("--max-calls") { Description = "Make at most this many keys." };
        var suppressErrorsOption = new Option<bool>("--suppress-errors") { Description = "Record a failing key and go on with the next (exit code 1 if any failed)." };
        var displayProgressOption = new Option<bool>("--display-progress") { Description = "Show progress on standard error even when it is not a terminal (plain lines then)." };
        var command = new Command("populate", "Populate an auto-populated table with its class's Make from a built assembly (docs/cli.md#populate).")
        {
            schemaArgument,
            classArgument,
            assemblyOption,
            upstreamOption,
            reserveJobsOption,
            workersOption,
            maxCallsOption,
            suppressErrorsOption,
            displayProgressOption,
        };
        workersOption.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--workers must be at least 1.");
        });
        maxCallsOption.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() < 0) r.AddError("--max-calls must not be negative.");
        });
        CommandScope.SetAction(command, connection, async (scope, cancellationToken) =>
        {
            var parse = scope.Parse;
            var className = parse.GetValue(classArgument)!;
            var assembly = UserAssembly.Load(parse.GetValue(assemblyOption)!);
            // As binding the class in code does: a table not declared yet is declared; one that differs from its class is refused.
            var bound = await assembly.BindAsync(scope, parse.GetValue(schemaArgument)!, className, parse.GetValue(upstreamOption) ?? [], Validation.Strict,
                createTables: true, cancellationToken).ConfigureAwait(false);
            if (bound is not AutoPopulated table)
            {
                throw new CliException($"{bound.GetType().FullName} is a {bound.TableDefinition.Tier} table: only Computed and Imported tables are populated.",
                    ExitCodes.Usage);
            }

            var name = bound.GetType().Name;
            var workers = parse.GetValue(workersOption);
            var progress = ProgressFor(scope, parse.GetValue(displayProgressOption), name);
            var options = new PopulateOptions
            {
                ReserveJobs = parse.GetValue(reserveJobsOption) || workers > 1,
                Parallelism = workers,
                MaxCalls = parse.GetValue(maxCallsOption),
                SuppressErrors = parse.GetValue(suppressErrorsOption),
                Progress = progress,
            };
            PopulateResult result;
            try
            {
                result = await table.PopulateAsync(options, [], cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"Cancelled: the keys of {name} made so far stay; the key in progress was rolled back"
                    + (options.ReserveJobs ? " and its reservation released." : "."), ExitCodes.Cancelled);
            }
            catch (Exception ex) when (ex is not (DataJointException or OperationCanceledException or CliException))
            {
                throw new CliException($"{name}.Make failed: {ex.GetType().Name}: {ex.Message} (--suppress-errors records failing keys in the job table "
                    + "and goes on).", ExitCodes.Failed);
            }
            finally
            {
                progress?.Finish();
            }

            foreach (var failure in result.Errors)
            {
                await scope.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"failed: {name} {KeyText.Describe(failure.Key.GetAttributeValues())}: {failure.Exception.GetType().Name}: {Failures.OneLine(failure.Exception.Message)}"))
                    .ConfigureAwait(false);
            }

            await scope.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {result.SuccessCount} {(result.SuccessCount == 1 ? "key" : "keys")} made, {result.Errors.Count} {(result.Errors.Count == 1 ? "error" : "errors")}."))
                .ConfigureAwait(false);
            return result.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>A bar when standard error is the terminal, plain lines with --display-progress elsewhere, else nothing.</summary>
    private static PopulateProgressWriter? ProgressFor(CommandScope scope, bool displayProgress, string table)
    {
        var terminal = ReferenceEquals(scope.Error, Console.Error) && !Console.IsErrorRedirected;
        return terminal || displayProgress ? new PopulateProgressWriter(scope.Error, table, bar: terminal) : null;
    }
}
