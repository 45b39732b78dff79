using System.Globalization;
using Spectre.Console;

namespace DataJoint;

/// <summary>
/// <see cref="PopulateOptions.DisplayProgress"/>: a live Spectre.Console progress bar when the output is an interactive
/// terminal, otherwise plain lines (one per 10 % step and a last one), which stay readable in logs and CI output.
/// </summary>
internal static class ProgressDisplay
{
    public static bool IsTerminal => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static async ValueTask Run(string table, int total, bool sync, Func<IProgress<PopulateProgress>, ValueTask<bool>> body)
    {
        var name = table.Contains('.', StringComparison.Ordinal) ? table[(table.LastIndexOf('.') + 1)..] : table;
        if (!IsTerminal)
        {
            var lines = new LineReporter(name, total);
            await body(lines).ConfigureAwait(false);
            lines.Finish();
            return;
        }

        var progress = AnsiConsole.Progress().AutoClear(false).HideCompleted(false).Columns(
            new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());
        if (sync)
        {
            progress.Start(context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, total));
                body(new BarReporter(task)).AsTask().GetAwaiter().GetResult();
                task.Value = task.MaxValue;
            });
            return;
        }

        await progress.StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, total));
            await body(new BarReporter(task)).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
    }

    private sealed class BarReporter(ProgressTask task) : IProgress<PopulateProgress>
    {
        public void Report(PopulateProgress value)
        {
            task.Value = value.Done;
            if (value.Failed > 0) task.Description = Markup.Escape($"{value.Table} ({value.Failed} failed)");
        }
    }

    private sealed class LineReporter(string table, int total) : IProgress<PopulateProgress>
    {
        private readonly Lock _lock = new();
        private int _lastDecile = -1;
        private PopulateProgress? _last;

        public void Report(PopulateProgress value)
        {
            lock (_lock)
            {
                _last = value;
                var decile = (int)(value.Fraction * 10);
                if (decile == _lastDecile || decile >= 10) return;
                _lastDecile = decile;
                Write(value);
            }
        }

        public void Finish()
        {
            lock (_lock)
            {
                Write(_last ?? new PopulateProgress(table, 0, total, 0, 0, TimeSpan.Zero));
            }
        }

        private void Write(PopulateProgress p) => Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{table}: {p.Done}/{p.Total} ({p.Fraction:P0}), {p.Succeeded} made, {p.Failed} failed, {p.Elapsed:hh\\:mm\\:ss}"));
    }
}
