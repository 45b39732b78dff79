using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DataJoint.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataJoint.Generators.Diagnostics;

/// <summary>
/// Reports every definition diagnostic (DJ0xxx syntax, DJ1xxx declaration shape, DJ2xxx references and graph) at the
/// offending token inside the definition string, and DJ9999 when the analysis itself fails. It runs the generator's own
/// model builder and resolver; the generator only emits code. Graph diagnostics need every table of the compilation,
/// so the tables are built once per compilation, on first need, and each table's symbol action resolves it against
/// them: the diagnostics stay per symbol (live in the IDE) rather than waiting for a compilation-end action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DefinitionAnalyzer : DiagnosticAnalyzer
{
    private readonly Func<TableModel, ImmutableArray<TableModel>, ImmutableArray<CodecModel>, ResolvedTable> _resolve;

    /// <summary>Creates the analyzer.</summary>
    public DefinitionAnalyzer()
    {
        _resolve = static (table, all, codecs) => Resolver.Resolve(table, all, codecs);
    }

    /// <summary>Creates the analyzer with another resolver: tests pass one that throws to see DJ9999.</summary>
    internal DefinitionAnalyzer(Func<TableModel, ImmutableArray<TableModel>, ResolvedTable> resolve) => _resolve = (table, all, _) => resolve(table, all);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.All.Where(d => d.Category != DiagnosticDescriptors.UsageCategory).ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var definitionAttribute = start.Compilation.GetTypeByMetadataName(DefinitionClasses.AttributeMetadataName);
            if (definitionAttribute is null) return;
            var compilation = start.Compilation;
            var cancellationToken = start.CancellationToken;
            // Built once per compilation by whichever table asks first; lives only as long as this compilation's analysis.
            var tables = new Lazy<(Dictionary<INamedTypeSymbol, TableModel> BySymbol, ImmutableArray<TableModel> All, ImmutableArray<CodecModel> Codecs)>(() =>
            {
                var bySymbol = DefinitionClasses.BuildAll(compilation, definitionAttribute, cancellationToken);
                return (bySymbol, DefinitionClasses.Models(bySymbol), CodecClasses.All(compilation, cancellationToken));
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(c => AnalyzeTable(c, definitionAttribute, tables), SymbolKind.NamedType);
        });
    }

    private void AnalyzeTable(SymbolAnalysisContext context, INamedTypeSymbol definitionAttribute,
        Lazy<(Dictionary<INamedTypeSymbol, TableModel> BySymbol, ImmutableArray<TableModel> All, ImmutableArray<CodecModel> Codecs)> tables)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || DefinitionClasses.Find(type, definitionAttribute, context.CancellationToken) is not { } found) return;
        var tree = found.Syntax.SyntaxTree;
        try
        {
            if (!tables.Value.BySymbol.TryGetValue(type, out var table)) return;
            foreach (var diagnostic in _resolve(table, tables.Value.All, tables.Value.Codecs).Diagnostics)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(diagnostic.Id),
                    Locate(diagnostic.Location, tree, found.Syntax.Identifier.GetLocation()), diagnostic.Message));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var info = TableModelBuilder.Internal(type.Name, ex, null);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Internal, found.Syntax.Identifier.GetLocation(), info.Message));
        }
    }

    /// <summary>A location in the table's own syntax tree, so suppressions and the IDE see it as source.</summary>
    private static Location Locate(LocationInfo? info, SyntaxTree tree, Location fallback) =>
        info is null ? fallback
        : info.FilePath == tree.FilePath ? Location.Create(tree, new TextSpan(info.Start, info.Length))
        : info.ToLocation();
}
