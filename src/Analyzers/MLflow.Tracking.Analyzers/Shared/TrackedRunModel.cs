using System.Collections.Generic;
using MLflow.Tracking.Shared;
using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers;

/// <summary>
/// What a [TrackedRun] method logs, as the rules see it: the generator's own reader (<see cref="TrackedRunReader"/>,
/// shared source), cached per compilation in <see cref="TrackingSymbols"/> so every rule reads a method once.
/// </summary>
internal static class TrackedRunModel
{
    /// <summary>The method the rules look at: the partial definition, never the generated implementation part.</summary>
    public static bool IsTrackedRun(IMethodSymbol method, KnownTypes known) =>
        method.PartialDefinitionPart is null && known.FindAttribute(method, known.TrackedRun) is not null;

    public static string? GetName(AttributeData attribute) => TrackedRunReader.NameOf(attribute);

    /// <summary>The [LogParam] roots of the method, each with its flattened members and skipped values.</summary>
    public static IReadOnlyList<ParamNode> GetParams(IMethodSymbol method, KnownTypes known) => known.Symbols.ParamsOf(method);

    /// <summary>Params that reach MLflow as values: leaves of the flattening, or objects formatted whole.</summary>
    public static IEnumerable<ParamNode> GetLeafParams(IMethodSymbol method, KnownTypes known) =>
        TrackedRunReader.LoggedLeaves(GetParams(method, known));

    /// <summary>The metrics the generated code logs: numeric [return: LogMetric] and [LogMetric] members of the result.</summary>
    public static IEnumerable<MetricNode> GetLoggedMetrics(IMethodSymbol method, KnownTypes known)
    {
        foreach (var metric in known.Symbols.MetricsOf(method))
        {
            if (metric.IsNumeric)
            {
                yield return metric;
            }
        }
    }
}
