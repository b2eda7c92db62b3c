using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>MLFLOW004: [LogMetric] on a return value, property or field that is not a number.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MetricNotNumericAnalyzer : TrackingAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MetricNotNumeric);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.LogMetric is null)
        {
            return;
        }

        start.RegisterSymbolAction(c => AnalyzeMethod(c, known), SymbolKind.Method);
        start.RegisterSymbolAction(c => AnalyzeMember(c, known), SymbolKind.Property, SymbolKind.Field);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || KnownTypes.FindAttribute(method.GetReturnTypeAttributes(), known.LogMetric) is not { } attribute)
        {
            return;
        }

        var type = known.UnwrapAwaitable(method.ReturnType);
        if (!MetricTypes.IsNumeric(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MetricNotNumeric, AttributeLocations.Of(attribute, method), method.Name, type.ToDisplayString()));
        }
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, KnownTypes known)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || known.FindAttribute(symbol, known.LogMetric) is not { } attribute)
        {
            return;
        }

        var type = symbol is IPropertySymbol property ? property.Type : ((IFieldSymbol)symbol).Type;
        if (!MetricTypes.IsNumeric(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MetricNotNumeric, AttributeLocations.Of(attribute, symbol), symbol.Name, type.ToDisplayString()));
        }
    }
}
