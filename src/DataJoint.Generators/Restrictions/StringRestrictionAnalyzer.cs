using System.Collections.Immutable;
using DataJoint.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataJoint.Generators.Restrictions;

/// <summary>
/// Reports DJ3003 when a string that is not a compile-time constant is used as a restriction: the right operand of
/// <c>&amp;</c>/<c>-</c> on a query or table, the condition of <c>Restrict</c>/<c>RestrictNot</c>, or an item of
/// <c>Cond.Or</c>/<c>Cond.And</c>/<c>Cond.Not</c>. Such a string is DataJoint's raw SQL restriction, so whatever it
/// was built from becomes SQL. Constants (literals, <c>const</c>s, <c>nameof</c>, constant concatenations, a choice
/// between constants) are fine, and so are interpolated strings, which bind as parameters where the runtime takes them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StringRestrictionAnalyzer : DiagnosticAnalyzer
{
    private const int ShownLength = 60;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NonConstantStringRestriction);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var query = start.Compilation.GetTypeByMetadataName("DataJoint.QueryExpression");
            var cond = start.Compilation.GetTypeByMetadataName("DataJoint.Cond");
            if (query is null) return;
            start.RegisterOperationAction(c => AnalyzeOperator(c, query), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, query, cond), OperationKind.Invocation);
        });
    }

    private static void AnalyzeOperator(OperationAnalysisContext context, INamedTypeSymbol query)
    {
        var binary = (IBinaryOperation)context.Operation;
        var method = binary.OperatorMethod;
        if (method is null || method.Parameters.Length != 2 || (method.Name != "op_BitwiseAnd" && method.Name != "op_Subtraction")) return;
        if (!IsQueryType(method.ContainingType, query) || method.Parameters[1].Type.SpecialType != SpecialType.System_Object) return;
        Check(context, binary.RightOperand, binary.OperatorKind == BinaryOperatorKind.And ? "&" : "-");
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol query, INamedTypeSymbol? cond)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if ((method.Name == "Restrict" || method.Name == "RestrictNot") && IsQueryType(method.ContainingType, query))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0, Type.SpecialType: SpecialType.System_Object }) Check(context, argument.Value, method.Name);
            }

            return;
        }

        if (cond is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, cond)) return;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } items })
            {
                foreach (var item in items.ElementValues) Check(context, item, "Cond." + method.Name);
            }
            else
            {
                Check(context, argument.Value, "Cond." + method.Name);
            }
        }
    }

    private static bool IsQueryType(INamedTypeSymbol? type, INamedTypeSymbol query)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, query)) return true;
        }

        return false;
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string use)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        if (value.Type?.SpecialType != SpecialType.System_String || IsConstant(value)) return;
        var text = value.Syntax.ToString();
        if (text.Length > ShownLength) text = text.Substring(0, ShownLength) + "...";
        var problem = value is IInterpolatedStringOperation
            ? $"becomes a plain string here, so {use} inserts its holes into the SQL as text: only '&', '-', "
              + "Restrict(condition) and RestrictNot(condition) bind an interpolated string's holes as parameters; elsewhere "
              + "(Cond items, a semanticCheck argument) pass a FormattableString ((FormattableString)$\"...\")"
            : $"is not a constant string, and {use} inserts a string restriction into the SQL as written, so a value "
              + "inside it can inject SQL: write an interpolated restriction ($\"attr = {value}\"), whose holes are bound as "
              + "parameters, or restrict by a dictionary, anonymous object or key";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonConstantStringRestriction, value.Syntax.GetLocation(), text, problem));
    }

    /// <summary>A compile-time constant, or a choice between constants (<c>flag ? "a = 1" : "a = 2"</c>).</summary>
    private static bool IsConstant(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (value.ConstantValue.HasValue) return true;
        return value is IConditionalOperation { WhenFalse: { } whenFalse } choice && IsConstant(choice.WhenTrue) && IsConstant(whenFalse);
    }
}
