using Spectre.Console;

namespace DataJoint;

/// <summary>
/// Populate with a live Spectre.Console progress bar on an interactive terminal. Where the output is redirected (logs,
/// CI) it falls back to the plain lines of <see cref="PopulateOptions.DisplayProgress"/>.
/// </summary>
public static class ProgressBar
{
    /// <summary><see cref="AutoPopulated.Populate(object[])"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="restrictions">Conditions restricting the key source (ANDed).</param>
    public static PopulateResult PopulateWithProgressBar(this AutoPopulated table, params object[] restrictions) =>
        PopulateWithProgressBar(table, new PopulateOptions(), restrictions);

    /// <summary><see cref="AutoPopulated.Populate(PopulateOptions, object[])"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="options">Populate options; <see cref="PopulateOptions.Progress"/> still receives every report.</param>
    /// <param name="restrictions">Conditions restricting the key source (ANDed).</param>
    public static PopulateResult PopulateWithProgressBar(this AutoPopulated table, PopulateOptions options, params object[] restrictions)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsTerminal(AnsiConsole.Console)) return table.Populate(options with { DisplayProgress = true }, restrictions);
        return Bar(AnsiConsole.Console).Start(context =>
        {
            var bar = new BarReporter(context.AddTask(Markup.Escape(Name(table)), maxValue: 1));
            var result = table.Populate(bar.Wrap(options), restrictions);
            bar.Complete();
            return result;
        });
    }

    /// <summary><see cref="AutoPopulated.PopulateAsync(object[])"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="restrictions">Conditions restricting the key source (ANDed).</param>
    public static Task<PopulateResult> PopulateWithProgressBarAsync(this AutoPopulated table, params object[] restrictions) =>
        PopulateWithProgressBarAsync(AnsiConsole.Console, table, new PopulateOptions(), restrictions, CancellationToken.None);

    /// <summary><see cref="AutoPopulated.PopulateAsync(CancellationToken)"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="cancellationToken">Stops taking new keys.</param>
    public static Task<PopulateResult> PopulateWithProgressBarAsync(this AutoPopulated table, CancellationToken cancellationToken) =>
        PopulateWithProgressBarAsync(AnsiConsole.Console, table, new PopulateOptions(), [], cancellationToken);

    /// <summary><see cref="AutoPopulated.PopulateAsync(PopulateOptions, object[])"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="options">Populate options; <see cref="PopulateOptions.Progress"/> still receives every report.</param>
    /// <param name="restrictions">Conditions restricting the key source (ANDed).</param>
    public static Task<PopulateResult> PopulateWithProgressBarAsync(this AutoPopulated table, PopulateOptions options, params object[] restrictions) =>
        PopulateWithProgressBarAsync(AnsiConsole.Console, table, options, restrictions, CancellationToken.None);

    /// <summary><see cref="AutoPopulated.PopulateAsync(PopulateOptions, CancellationToken)"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="options">Populate options; <see cref="PopulateOptions.Progress"/> still receives every report.</param>
    /// <param name="cancellationToken">Stops taking new keys.</param>
    public static Task<PopulateResult> PopulateWithProgressBarAsync(this AutoPopulated table, PopulateOptions options,
        CancellationToken cancellationToken) =>
        PopulateWithProgressBarAsync(AnsiConsole.Console, table, options, [], cancellationToken);

    /// <summary><see cref="AutoPopulated.PopulateAsync(PopulateOptions, object[], CancellationToken)"/> showing a progress bar.</summary>
    /// <param name="table">The bound table to populate.</param>
    /// <param name="options">Populate options; <see cref="PopulateOptions.Progress"/> still receives every report.</param>
    /// <param name="restrictions">Conditions restricting the key source (ANDed).</param>
    /// <param name="cancellationToken">Stops taking new keys.</param>
    public static Task<PopulateResult> PopulateWithProgressBarAsync(this AutoPopulated table, PopulateOptions options, object[] restrictions,
        CancellationToken cancellationToken = default) =>
        PopulateWithProgressBarAsync(AnsiConsole.Console, table, options, restrictions, cancellationToken);

    /// <summary>The asynchronous form on a given console (tests hand in a recording one).</summary>
    internal static async Task<PopulateResult> PopulateWithProgressBarAsync(IAnsiConsole console, AutoPopulated table, PopulateOptions options,
        object[] restrictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsTerminal(console))
        {
            return await table.PopulateAsync(options with { DisplayProgress = true }, restrictions, cancellationToken).ConfigureAwait(false);
        }

        return await Bar(console).StartAsync(async context =>
        {
            var bar = new BarReporter(context.AddTask(Markup.Escape(Name(table)), maxValue: 1));
            var result = await table.PopulateAsync(bar.Wrap(options), restrictions, cancellationToken).ConfigureAwait(false);
            bar.Complete();
            return result;
        }).ConfigureAwait(false);
    }

    private static bool IsTerminal(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && (console != AnsiConsole.Console || !System.Console.IsOutputRedirected);

    private static Progress Bar(IAnsiConsole console) => console.Progress().AutoClear(false).HideCompleted(false).Columns(
        new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());

    private static string Name(AutoPopulated table)
    {
        var name = table.TableDefinition.ClassName;
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>Moves the bar on every report; the total is known from the first one.</summary>
    private sealed class BarReporter(ProgressTask task) : IProgress<PopulateProgress>
    {
        private IProgress<PopulateProgress>? _next;

        public PopulateOptions Wrap(PopulateOptions options)
        {
            _next = options.Progress;
            return options with { Progress = this, DisplayProgress = false };
        }

        public void Report(PopulateProgress value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            if (value.Failed > 0) task.Description = Markup.Escape($"{value.Table} ({value.Failed} failed)");
            _next?.Report(value);
        }

        public void Complete() => task.Value = task.MaxValue;
    }
}
