using DataJoint.Generators.Emit;
using DataJoint.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.Generators;

/// <summary>
/// The DataJoint source generator: for every class with <c>[Definition]</c>, parses the definition, resolves
/// its foreign keys across the compilation and emits the typed table members.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DefinitionGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tables = context.SyntaxProvider
            .ForAttributeWithMetadataName("DataJoint.DefinitionAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => TableModelBuilder.Build((INamedTypeSymbol)ctx.TargetSymbol, (ClassDeclarationSyntax)ctx.TargetNode,
                    ctx.Attributes[0], withLocations: true, ct))
            .WithTrackingName(TrackingNames.Tables);

        var all = tables.Collect().WithTrackingName(TrackingNames.AllTables);

        var resolved = tables.Combine(all)
            .Select(static (pair, _) => Resolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Resolved);

        context.RegisterSourceOutput(resolved, static (spc, table) =>
        {
            foreach (var diagnostic in table.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (table.Table.BlocksEmission) return;
            spc.AddSource(TableEmitter.HintName(table), TableEmitter.Emit(table));
        });
    }
}
