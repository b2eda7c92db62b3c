using System.Collections.Generic;
using MLflow.Tracking.Generators.Model;
using MLflow.Tracking.Shared.Roslyn;
using Microsoft.CodeAnalysis;

namespace MLflow.Tracking.Generators.Parsing;

/// <summary>
/// The metrics the emitter writes for a tracked method's result, from the shared <see cref="TrackedRunReader"/>:
/// <c>[return: LogMetric]</c> and <c>[LogMetric]</c> members that are numbers (others are MLFLOW004).
/// </summary>
internal static class MetricReader
{
    public static EquatableArray<MetricLogModel> Read(IMethodSymbol method, ITypeSymbol? resultType, KnownSymbols symbols)
    {
        var metrics = new List<MetricLogModel>();
        foreach (var metric in TrackedRunReader.ReadMetrics(method, resultType, symbols.Shared))
        {
            if (ValueTypes.IsNumeric(metric.Type, out var isNullable, out var isDouble))
            {
                var member = metric.Member is null ? null : TypeNames.Identifier(metric.Member.Name);
                var guarded = metric.Member is IPropertySymbol property && !TrackedRunReader.IsAutoProperty(property);
                metrics.Add(new MetricLogModel(metric.Key, member, isNullable, isDouble, guarded));
            }
        }

        return EquatableArray.From(metrics);
    }
}
