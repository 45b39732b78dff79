namespace DataJoint;

public sealed partial class Diagram
{
    private DiagramView View() => DiagramView.Build(_graph, _shown, _expanded, Direction);

    /// <summary>The diagram as Graphviz DOT text (needs nothing installed).</summary>
    public string ToDot() => DotWriter.Write(View());

    /// <summary>The diagram as a Mermaid flowchart (renders in Markdown on GitHub and in mermaid.live).</summary>
    public string ToMermaid() => MermaidWriter.Write(View());

    /// <summary>The diagram as SVG, laid out by Graphviz's <c>dot</c>.</summary>
    /// <exception cref="InvalidOperationException">Graphviz is not on PATH (the message says how to install it).</exception>
    public string ToSvg() => System.Text.Encoding.UTF8.GetString(SyncOrAsync.Wait(Render("svg", sync: true, CancellationToken.None)));

    /// <summary>Asynchronous <see cref="ToSvg"/>.</summary>
    public async Task<string> ToSvgAsync(CancellationToken cancellationToken = default) =>
        System.Text.Encoding.UTF8.GetString(await Render("svg", sync: false, cancellationToken).ConfigureAwait(false));

    /// <summary>The diagram as a PNG image, laid out by Graphviz's <c>dot</c>.</summary>
    /// <exception cref="InvalidOperationException">Graphviz is not on PATH.</exception>
    public byte[] ToPng() => SyncOrAsync.Wait(Render("png", sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ToPng"/>.</summary>
    public async Task<byte[]> ToPngAsync(CancellationToken cancellationToken = default) =>
        await Render("png", sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Graphviz is looked up on this PATH-style list instead of the process's PATH (tests).</summary>
    private string? GraphvizSearchPath { get; init; }

    /// <summary>This diagram looking for Graphviz on <paramref name="searchPath"/> instead of PATH.</summary>
    internal Diagram SearchingGraphvizIn(string searchPath) =>
        new(_graph, _shown, _expanded, _rows, _mode, Direction) { GraphvizSearchPath = searchPath };

    private ValueTask<byte[]> Render(string format, bool sync, CancellationToken cancellationToken) =>
        Graphviz.Render(ToDot(), format, GraphvizSearchPath ?? Environment.GetEnvironmentVariable("PATH"), sync, cancellationToken);

    /// <summary>
    /// Writes the diagram to <paramref name="path"/> as <c>.svg</c>, <c>.png</c> (both through Graphviz), <c>.dot</c>/<c>.gv</c>
    /// or <c>.mmd</c>/<c>.mermaid</c>, by the file's extension.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is none of those.</exception>
    public void Save(string path) => SyncOrAsync.Wait(SaveCore(path, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Save"/>.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        await SaveCore(path, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask SaveCore(string path, bool sync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        byte[] content = extension switch
        {
            ".svg" => await Render("svg", sync, cancellationToken).ConfigureAwait(false),
            ".png" => await Render("png", sync, cancellationToken).ConfigureAwait(false),
            ".dot" or ".gv" => System.Text.Encoding.UTF8.GetBytes(ToDot()),
            ".mmd" or ".mermaid" => System.Text.Encoding.UTF8.GetBytes(ToMermaid()),
            _ => throw new ArgumentException($"Cannot tell the diagram format of '{path}': use .svg, .png, .dot, .gv, .mmd or .mermaid.", nameof(path)),
        };
        if (sync) File.WriteAllBytes(path, content);
        else await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
    }
}
