using System;
using System.Linq;
using DataJoint.Generators.Diagnostics;
using DataJoint.Generators.Emit;
using DataJoint.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataJoint.Generators;

/// <summary>
/// The DataJoint source generator: for every class with <c>[Definition]</c>, parses the definition, resolves
/// its foreign keys across the compilation and emits the typed table members. Definition diagnostics are the
/// <see cref="DefinitionAnalyzer"/>'s (same model builder and resolver); the generator reports only DJ9999 when
/// writing a table's code fails, so each diagnostic appears once in a build.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DefinitionGenerator : IIncrementalGenerator
{
    private readonly Func<ResolvedTable, string> _emit;

    /// <summary>Creates the generator.</summary>
    public DefinitionGenerator()
        : this(TableEmitter.Emit)
    {
    }

    /// <summary>Creates the generator with another emitter: tests pass one that throws to see DJ9999.</summary>
    internal DefinitionGenerator(Func<ResolvedTable, string> emit) => _emit = emit;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Without locations: the models then compare equal when text merely moves, and the cache holds.
        var tables = context.SyntaxProvider
            .ForAttributeWithMetadataName(DefinitionClasses.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => TableModelBuilder.Build((INamedTypeSymbol)ctx.TargetSymbol, (ClassDeclarationSyntax)ctx.TargetNode,
                    ctx.Attributes[0], withLocations: false, ct))
            .WithTrackingName(TrackingNames.Tables);

        var all = tables.Collect().WithTrackingName(TrackingNames.AllTables);

        var sourceCodecs = context.SyntaxProvider
            .ForAttributeWithMetadataName(CodecClasses.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => CodecClasses.Build((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0]))
            .Where(static codec => codec is not null)
            .Collect();
        var referencedCodecs = context.CompilationProvider.Select(static (compilation, ct) => CodecClasses.Referenced(compilation, ct));
        var codecs = sourceCodecs.Combine(referencedCodecs)
            .Select(static (pair, _) => pair.Left.Select(c => c!).Concat(pair.Right).OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Codecs);

        var resolved = tables.Combine(all).Combine(codecs)
            .Select(static (pair, _) => Resolver.Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Resolved);

        context.RegisterSourceOutput(resolved, Emit);
    }

    private void Emit(SourceProductionContext context, ResolvedTable table)
    {
        if (table.BlocksEmission) return;
        string source;
        try
        {
            source = _emit(table);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Internal, Location.None,
                $"The DataJoint generator failed to write the members of '{table.Table.FullName}' ({ex.GetType().Name}: {ex.Message}); "
                + "this is a DataJoint defect, please report it with the definition"));
            return;
        }

        context.AddSource(TableEmitter.HintName(table), source);
    }
}
