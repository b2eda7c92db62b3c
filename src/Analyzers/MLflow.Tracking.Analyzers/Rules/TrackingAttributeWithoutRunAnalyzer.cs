using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// MLFLOW003: [LogParam] on a parameter, or [return: LogMetric] or [return: LogArtifact], of a method without [TrackedRun] logs nothing.
/// [LogParam]/[LogMetric]/[LogArtifact] on properties and fields are fine: they apply when an object is passed to or returned from a run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackingAttributeWithoutRunAnalyzer : MethodSymbolAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TrackingAttributeWithoutRun);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, KnownTypes known)
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

        if (KnownTypes.FindAttribute(method.GetReturnTypeAttributes(), known.LogArtifact) is { } artifact)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrackingAttributeWithoutRun, AttributeLocations.Of(artifact, method), "[return: LogArtifact]", "the return value", method.Name));
        }
    }
}
