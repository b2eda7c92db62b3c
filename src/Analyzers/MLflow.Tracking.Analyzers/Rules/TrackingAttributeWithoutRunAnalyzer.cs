using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW003: [LogParam] on a parameter, or [return: LogMetric], of a method without [TrackedRun] logs nothing.
/// [LogParam]/[LogMetric] on properties and fields are fine: they apply when an object is passed to or returned from a run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackingAttributeWithoutRunAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TrackingAttributeWithoutRun);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownTypes.TryCreate(start.Compilation);
            if (known is not null)
            {
                start.RegisterSymbolAction(c => Analyze(c, known), SymbolKind.Method);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || known.FindAttribute(method, known.TrackedRun) is not null)
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (known.FindAttribute(parameter, known.LogParam) is { } attribute)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrackingAttributeWithoutRun, AttributeLocations.Of(attribute, parameter), "[LogParam]", parameter.Name, method.Name));
            }
        }

        if (KnownTypes.FindAttribute(method.GetReturnTypeAttributes(), known.LogMetric) is { } metric)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrackingAttributeWithoutRun, AttributeLocations.Of(metric, method), "[return: LogMetric]", "the return value", method.Name));
        }
    }
}
