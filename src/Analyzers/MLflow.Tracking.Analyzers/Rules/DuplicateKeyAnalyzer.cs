using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLflow.Tracking.Analyzers;

/// <summary>MLFLOW006: two params, or two metrics, of one tracked run end up under the same key.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateKeyAnalyzer : MethodSymbolAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DuplicateKey);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!TrackedRunModel.IsTrackedRun(method, known))
        {
            return;
        }

        var paramKeys = new HashSet<string>();
        foreach (var param in TrackedRunModel.GetLeafParams(method, known))
        {
            if (!paramKeys.Add(param.Key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateKey, AttributeLocations.FirstLocation(param.Root), "param", param.Key, method.Name));
            }
        }

        var metricKeys = new HashSet<string>();
        foreach (var metric in TrackedRunModel.GetLoggedMetrics(method, known))
        {
            if (!metricKeys.Add(metric.Key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateKey, AttributeLocations.FirstLocation(method), "metric", metric.Key, method.Name));
            }
        }
    }
}
