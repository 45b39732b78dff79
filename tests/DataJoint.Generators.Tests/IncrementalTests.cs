using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataJoint.Generators.Tests;

/// <summary>The generator re-does only what an edit touches (tracking names in TrackingNames).</summary>
public sealed class IncrementalTests
{
    private static string Subject(string keyType, string extra = "") => $$""""
        using DataJoint;
        namespace Lab;
        [Definition("""
            subject_id : {{keyType}}
            ---
            species : varchar(32)
            {{extra}}
            """)]
        public partial class Subject : Manual;
        """";

    private const string Session = """"
        using DataJoint;
        namespace Lab;
        [Definition("""
            -> Subject
            session_idx : int32
            """)]
        public partial class Session : Manual;
        """";

    private const string Rig = """"
        using DataJoint;
        namespace Lab;
        [Definition("""
            rig : varchar(8)
            """)]
        public partial class Rig : Lookup;
        """";

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(Subject("int32"), Session, Rig);
        var driver = GeneratorHarness.NewDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IReadOnlyList<(string Table, IncrementalStepRunReason Reason)> ResolvedOutputs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Resolved]
            .SelectMany(step => step.Outputs.Select(o => (((Model.ResolvedTable)o.Value).Table.ClassName, o.Reason)))
            .ToList();

    private static Compilation Replace(Compilation compilation, int index, string source) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(index),
            CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: compilation.SyntaxTrees.ElementAt(index).FilePath));

    [Test]
    public void ASecondRunOverTheSameCompilationIsFullyCached()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions)));
        var tables = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Tables].SelectMany(s => s.Outputs).ToList();
        Assert.That(tables, Has.Count.EqualTo(3));
        Assert.That(ResolvedOutputs(driver), Has.Count.EqualTo(3));
        Assert.That(tables.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
        Assert.That(ResolvedOutputs(driver).Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
    }

    [Test]
    public void PipelineModelsHoldNoRoslynObjects()
    {
        var (driver, _) = FirstRun();
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var models = new[] { TrackingNames.Tables, TrackingNames.AllTables, TrackingNames.Resolved }
            .SelectMany(name => steps[name]).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.That(models, Is.Not.Empty);
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Walk(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
            Assert.That(forbidden.Any(f => f.IsInstanceOfType(value)), Is.False, $"{path} holds a {value.GetType().Name}");
            if (value is System.Collections.IEnumerable items)
            {
                var i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]");
                return;
            }

            foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                Walk(property.GetValue(value), path + "." + property.Name);
            }
        }

        foreach (var model in models) Walk(model, model.GetType().Name);
    }

    [Test]
    public void EditingASecondaryAttributeReEmitsOnlyThatTable()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(Replace(compilation, 0, Subject("int32", "weight = null : float64")));
        var changed = ResolvedOutputs(driver).Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => o.Table);
        Assert.That(changed, Is.EqualTo(new[] { "Subject" }));
    }

    [Test]
    public void EditingAKeyReEmitsTheTableAndItsDependentsOnly()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(Replace(compilation, 0, Subject("int64")));
        var changed = ResolvedOutputs(driver).Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => o.Table);
        Assert.That(changed, Is.EquivalentTo(new[] { "Subject", "Session" }));
    }

    [Test]
    public void MovingATableInItsFileReEmitsNothing()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(Replace(compilation, 0, "// a comment that shifts every position\n\n" + Subject("int32")));
        Assert.That(ResolvedOutputs(driver).Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged),
            "the generator's models hold no locations (the analyzer's do)");
    }
}
