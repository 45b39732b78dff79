using System.Globalization;
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

    [TestCaseSource(nameof(Ids))]
    public void HasATitleACategoryAndADescription(string id)
    {
        var descriptor = DiagnosticDescriptors.Get(id);
        Assert.That(descriptor.Title.ToString(CultureInfo.InvariantCulture), Is.Not.Empty);
        Assert.That(descriptor.Category, Does.StartWith("DataJoint."));
        Assert.That(descriptor.Description.ToString(CultureInfo.InvariantCulture), Has.Length.GreaterThan(40).And.EndsWith("."));
    }

    [Test]
    public void UsageDiagnosticsFillAMessageFormatWithTheNamesAtFault()
    {
        var usage = DiagnosticDescriptors.All.Where(d => d.Id.StartsWith("DJ3", StringComparison.Ordinal)).ToList();
        Assert.That(usage, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(usage.Select(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture)),
            Has.All.Contains("'{0}'").And.All.Not.EqualTo("{0}"));
    }

    [Test]
    public void TheCatalogIsNotEmpty() => Assert.That(Ids.Count(), Is.GreaterThan(30));
}
