using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;

namespace DataJoint.Generators.Emit;

/// <summary>The <c>[GeneratedCode]</c> attribute on emitted types, naming this generator and its version.</summary>
internal static class GeneratedCodeMarker
{
    /// <summary>The generator assembly's informational version (the package version) without build metadata.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly string Attribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"DataJoint.Generators\", {SymbolDisplay.FormatLiteral(Version, quote: true)})]";

    private static string ReadVersion()
    {
        var assembly = typeof(GeneratedCodeMarker).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational)) return assembly.GetName().Version?.ToString() ?? "0.0.0";
        var metadata = informational!.IndexOf('+');
        return metadata < 0 ? informational : informational.Substring(0, metadata);
    }
}
