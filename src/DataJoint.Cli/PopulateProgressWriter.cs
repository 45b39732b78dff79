using System.Globalization;

namespace DataJoint.Cli;

/// <summary>
/// <c>dj populate</c>'s progress on standard error: on a terminal one bar redrawn in place, elsewhere (a log, a pipe,
/// <c>--display-progress</c> with standard error redirected) a plain line per 10 % step and a last one. Reports come from
/// the workers' threads.
/// </summary>
internal sealed class PopulateProgressWriter(TextWriter error, string table, bool bar) : IProgress<PopulateProgress>
{
    private const int BarWidth = 30;
    private readonly object _lock = new();
    private PopulateProgress? _last;
    private int _lastStep = -1;

    public void Report(PopulateProgress value)
    {
        lock (_lock)
        {
            _last = value;
            if (bar)
            {
                error.Write("\r" + Bar(value));
                error.Flush();
                return;
            }

            var step = (int)(value.Fraction * 10);
            if (step == _lastStep || step >= 10) return;
            _lastStep = step;
            error.WriteLine(Line(value));
        }
    }

    /// <summary>Ends the bar's line, or writes the last line; nothing when there was nothing to do.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_last is not { } last) return;
            if (bar) error.WriteLine();
            else error.WriteLine(Line(last));
        }
    }

    private string Bar(PopulateProgress p)
    {
        var filled = (int)Math.Round(p.Fraction * BarWidth);
        var failed = p.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $" {p.Failed} failed") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{table} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {p.Done}/{p.Total} {p.Fraction * 100,3:0}%{failed} {p.Elapsed:hh\\:mm\\:ss}");
    }

    private string Line(PopulateProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{table}: {p.Done}/{p.Total} ({p.Fraction * 100:0}%), {p.Succeeded} made, {p.Failed} failed, {p.Elapsed:hh\\:mm\\:ss}");
}
