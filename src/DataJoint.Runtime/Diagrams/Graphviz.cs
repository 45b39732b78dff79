using System.Diagnostics;
using System.Text;

namespace DataJoint;

/// <summary>Renders DOT text through Graphviz's <c>dot</c> program, found on PATH (the runtime carries no layout engine).</summary>
internal static class Graphviz
{
    /// <summary>The <c>dot</c> executable on <paramref name="path"/> (a PATH-style list), or null.</summary>
    public static string? FindDot(string? path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "dot.exe" } : ["dot"];
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }

    /// <summary>The message when <c>dot</c> is missing: what to install, and the outputs that need nothing.</summary>
    public static string MissingMessage(string format) =>
        $"Rendering a diagram as {format.ToUpperInvariant()} needs Graphviz's `dot` program on PATH, and none was found. Install Graphviz "
        + "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install Graphviz.Graphviz), "
        + "or use ToDot() or ToMermaid(), which need nothing.";

    /// <summary>Runs <c>dot -T<paramref name="format"/></c> on <paramref name="dotText"/> and returns its output.</summary>
    /// <exception cref="InvalidOperationException">Graphviz is not installed, or <c>dot</c> failed.</exception>
    public static async ValueTask<byte[]> Render(string dotText, string format, string? searchPath, bool sync, CancellationToken cancellationToken)
    {
        var dot = FindDot(searchPath) ?? throw new InvalidOperationException(MissingMessage(format));
        var start = new ProcessStartInfo(dot, ["-T" + format])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Graphviz `{dot}` could not be started.");
        using var output = new MemoryStream();
        // Both pipes are drained while the input is written, so dot never blocks on a full pipe.
        var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var readErrors = process.StandardError.ReadToEndAsync(cancellationToken);
        var input = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(dotText);
        try
        {
            if (sync)
            {
                process.StandardInput.BaseStream.Write(input);
                process.StandardInput.Close();
                Task.WaitAll([readOutput, readErrors], cancellationToken);
                process.WaitForExit();
            }
            else
            {
                await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
                await Task.WhenAll(readOutput, readErrors).ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Graphviz `dot -T{format}` failed (exit code {process.ExitCode}): {readErrors.Result.Trim()}");
        }

        return output.ToArray();
    }
}
