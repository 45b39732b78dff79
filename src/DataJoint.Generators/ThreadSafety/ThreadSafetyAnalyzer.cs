using System;
using System.Collections.Immutable;
using DataJoint.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataJoint.Generators.ThreadSafety;

/// <summary>
/// In projects that set <c>&lt;DataJointThreadSafe&gt;true&lt;/DataJointThreadSafe&gt;</c>, reports every use of the
/// global-state members of <c>DataJoint.Dj</c> (DJ3001) — the compile-time twin of the runtime's
/// <c>DJ_THREAD_SAFE</c> guard — and static mutable fields holding instances, connections, schemas or tables (DJ3002).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadSafetyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The MSBuild property that turns the analyzer on (made visible by build/DataJoint.Generators.props).</summary>
    public const string PropertyName = "build_property.DataJointThreadSafe";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.GlobalStateInThreadSafeMode, DiagnosticDescriptors.StaticHandleInThreadSafeMode);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PropertyName, out var value)
                || !value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var dj = start.Compilation.GetTypeByMetadataName("DataJoint.Dj");
            var connection = start.Compilation.GetTypeByMetadataName("DataJoint.Connection");
            if (dj is null || connection is null) return;
            var handles = new[]
            {
                start.Compilation.GetTypeByMetadataName("DataJoint.Instance"),
                connection,
                start.Compilation.GetTypeByMetadataName("DataJoint.Schema"),
                start.Compilation.GetTypeByMetadataName("DataJoint.QueryExpression"),
            };

            start.RegisterOperationAction(c => AnalyzeInvocation(c, dj, connection), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzePropertyReference(c, dj), OperationKind.PropertyReference);
            start.RegisterSymbolAction(c => AnalyzeField(c, handles), SymbolKind.Field);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol dj, INamedTypeSymbol connection)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, dj)) return;
        var guarded = method.Name switch
        {
            "Conn" => true,
            "Schema" or "FreeTable" => !HasConnectionParameter(method, connection),
            _ => false,
        };
        if (!guarded) return;
        var fix = method.Name switch
        {
            "Conn" => "use instance.Connection",
            "Schema" => "use instance.Schema(name) or Dj.Schema(name, connection)",
            _ => "use instance.FreeTable(name) or Dj.FreeTable(connection, name)",
        };
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GlobalStateInThreadSafeMode, invocation.Syntax.GetLocation(),
            $"Dj.{method.Name}(...)", "connection", $"create an isolated Instance (new Instance(host, user, password)) and {fix}"));
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context, INamedTypeSymbol dj)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, dj) || reference.Property.Name != "Config") return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GlobalStateInThreadSafeMode, reference.Syntax.GetLocation(),
            "Dj.Config", "configuration", "use the Config of an Instance (instance.Config)"));
    }

    private static bool HasConnectionParameter(IMethodSymbol method, INamedTypeSymbol connection)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, connection)) return true;
        }

        return false;
    }

    private static void AnalyzeField(SymbolAnalysisContext context, INamedTypeSymbol?[] handles)
    {
        var field = (IFieldSymbol)context.Symbol;
        if (!field.IsStatic || field.IsReadOnly || field.IsConst || field.IsImplicitlyDeclared) return;
        for (var type = field.Type as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            foreach (var handle in handles)
            {
                if (handle is null || !SymbolEqualityComparer.Default.Equals(type, handle)) continue;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StaticHandleInThreadSafeMode, field.Locations[0], field.Name, handle.Name));
                return;
            }
        }
    }
}
