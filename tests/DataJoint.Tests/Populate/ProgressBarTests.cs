using DataJoint.Tests.Infrastructure;
using Spectre.Console;

namespace DataJoint.Tests.Populate;

/// <summary>DataJoint.Console's live bar, on a recording console (interactive or not).</summary>
public sealed class ProgressBarTests(Backend backend) : BackendTest(backend)
{
    private static (IAnsiConsole Console, StringWriter Output) Recording(bool interactive)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        return (console, output);
    }

    private void LoadSources(int count) =>
        Schema.Table<Source>().Insert(Enumerable.Range(1, count).Select(i => new Source.Row { SourceId = i, Value = i * 10 }));

    [Test]
    public async Task AnInteractiveConsoleShowsTheBarAndTheCallersProgressStillHearsEveryKey()
    {
        LoadSources(4);
        var (console, output) = Recording(interactive: true);
        var reports = new List<PopulateProgress>();

        var result = await ProgressBar.PopulateWithProgressBarAsync(console, Schema.Table<Doubled>(),
            new PopulateOptions { Progress = new Collect(reports) }, [], CancellationToken.None);

        Assert.That(result.SuccessCount, Is.EqualTo(4));
        Assert.That(reports.Select(r => r.Done), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(output.ToString(), Does.Contain("Doubled").And.Contain("100%"));
    }

    [Test]
    public void ARedirectedOutputGetsThePlainLines()
    {
        LoadSources(2);
        var doubled = Schema.Table<Doubled>();
        var (console, _) = Recording(interactive: false);

        var result = ProgressBar.PopulateWithProgressBarAsync(console, doubled, new PopulateOptions(), [], CancellationToken.None)
            .GetAwaiter().GetResult();

        Assert.That(result.SuccessCount, Is.EqualTo(2));
        Assert.That(doubled.Progress(), Is.EqualTo((0L, 2L)));
    }

    private sealed class Collect(List<PopulateProgress> reports) : IProgress<PopulateProgress>
    {
        public void Report(PopulateProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
