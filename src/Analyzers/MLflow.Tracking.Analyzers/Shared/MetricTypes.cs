using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Analyzers;

/// <summary>Which values MLflow can store as a metric: the shared table of numbers convertible to double.</summary>
internal static class MetricTypes
{
    public static bool IsNumeric(ITypeSymbol type) => TrackedRunReader.IsMetricNumber(type);
}
