using System.Diagnostics;
using System.Text;

namespace DataJoint.Packages.Tests;

/// <summary>Runs the dotnet CLI with a given environment and collects what it prints.</summary>
internal static class Dotnet
{
    public static (int ExitCode, string Output) Run(string directory, string arguments, IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"(killed after {timeout})");
        }

        process.WaitForExit();
        lock (output) return (process.HasExited ? process.ExitCode : -1, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }
}
