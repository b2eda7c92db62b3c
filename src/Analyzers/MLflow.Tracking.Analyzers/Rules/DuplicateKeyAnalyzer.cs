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
        foreach (var param in TrackedRunModel.GetLeafParams(TrackedRunModel.GetParams(method, known), known))
        {
            if (!paramKeys.Add(param.Key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateKey, AttributeLocations.FirstLocation(param.Root), "param", param.Key, method.Name));
            }
        }

        var metricKeys = new HashSet<string>();
        foreach (var key in GetMetricKeys(method, known))
        {
            if (!metricKeys.Add(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateKey, AttributeLocations.FirstLocation(method), "metric", key, method.Name));
            }
        }
    }

    /// <summary>The numeric return value itself, or the [LogMetric] members of the returned object.</summary>
    private static IEnumerable<string> GetMetricKeys(IMethodSymbol method, KnownTypes known)
    {
        var resultType = known.UnwrapAwaitable(method.ReturnType);
        if (KnownTypes.FindAttribute(method.GetReturnTypeAttributes(), known.LogMetric) is { } returnMetric && MetricTypes.IsNumeric(resultType))
        {
            yield return TrackedRunModel.GetName(returnMetric) ?? method.Name;
            yield break;
        }

        foreach (var member in TrackedRunModel.GetPublicReadableMembers(resultType))
        {
            if (known.FindAttribute(member, known.LogMetric) is { } attribute)
            {
                yield return TrackedRunModel.GetName(attribute) ?? member.Name;
            }
        }
    }
}
