using System.Runtime.CompilerServices;
using DataJoint.Generators.Diagnostics;

namespace DataJoint.Generators.Tests.Diagnostics;

/// <summary>Every diagnostic has a help page in docs/diagnostics and a row in AnalyzerReleases.Unshipped.md.</summary>
public sealed class DiagnosticCatalogTests
{
    private static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    public static IEnumerable<string> Ids => DiagnosticDescriptors.All.Select(d => d.Id).Order();

    [TestCaseSource(nameof(Ids))]
    public void HasAHelpPageAndAReleaseRow(string id)
    {
        var descriptor = DiagnosticDescriptors.Get(id);
        var page = Path.Combine(Root(), "docs", "diagnostics", id + ".md");
        Assert.That(File.Exists(page), Is.True, $"docs/diagnostics/{id}.md is missing");
        Assert.That(File.ReadAllText(page), Does.StartWith($"# {id}: {descriptor.Title}"));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith($"docs/diagnostics/{id}.md"));
        var releases = File.ReadAllLines(Path.Combine(Root(), "src", "DataJoint.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.That(releases.Count(l => l.StartsWith(id + " |", StringComparison.Ordinal)), Is.EqualTo(1), $"{id} needs one release row");
    }

    [Test]
    public void TheCatalogIsNotEmpty() => Assert.That(Ids.Count(), Is.GreaterThan(30));
}
