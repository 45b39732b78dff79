using System.Globalization;

namespace DataJoint;

/// <summary>
/// <see cref="PopulateOptions.DisplayProgress"/>: plain progress lines on the console (one per 10 % step and a last
/// one), readable on a terminal, in logs and in CI output. The live progress bar is in the DataJoint.Console package,
/// which keeps Spectre.Console out of this one.
/// </summary>
internal static class ProgressDisplay
{
    public static async ValueTask Run(string table, int total, Func<IProgress<PopulateProgress>, ValueTask<bool>> body)
    {
        var name = table.Contains('.', StringComparison.Ordinal) ? table[(table.LastIndexOf('.') + 1)..] : table;
        var lines = new LineReporter(name, total);
        await body(lines).ConfigureAwait(false);
        lines.Finish();
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
