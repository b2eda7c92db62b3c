using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>One log-batch request's share of the data.</summary>
internal sealed record BatchChunk(IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params, IReadOnlyList<Tag> Tags);

/// <summary>
/// Splits run data into log-batch requests within MLflow's limits (1000 metrics, 100 params, 100 tags, 1000 items),
/// the way MLflow's Python client does: params and tags in chunks of 100, each request topped up with metrics, the
/// remaining metrics in chunks of 1000. Metric order is kept.
/// </summary>
internal static class BatchSplitter
{
    public static IEnumerable<BatchChunk> Split(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<Tag> tags)
    {
        var metricIndex = 0;
        var paramIndex = 0;
        var tagIndex = 0;
        while (paramIndex < parameters.Count || tagIndex < tags.Count)
        {
            var paramChunk = Slice(parameters, paramIndex, MlflowValidation.MaxParamsTagsPerBatch);
            var tagChunk = Slice(tags, tagIndex, MlflowValidation.MaxParamsTagsPerBatch);
            paramIndex += paramChunk.Count;
            tagIndex += tagChunk.Count;
            var room = Math.Max(0, Math.Min(MlflowValidation.MaxEntitiesPerBatch - paramChunk.Count - tagChunk.Count, MlflowValidation.MaxMetricsPerBatch));
            var metricChunk = Slice(metrics, metricIndex, room);
            metricIndex += metricChunk.Count;
            yield return new BatchChunk(metricChunk, paramChunk, tagChunk);
        }

        while (metricIndex < metrics.Count)
        {
            var metricChunk = Slice(metrics, metricIndex, MlflowValidation.MaxMetricsPerBatch);
            metricIndex += metricChunk.Count;
            yield return new BatchChunk(metricChunk, Array.Empty<Param>(), Array.Empty<Tag>());
        }
    }

    private static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int start, int count)
    {
        var length = Math.Min(count, items.Count - start);
        if (length <= 0)
        {
            return Array.Empty<T>();
        }

        var slice = new T[length];
        for (var i = 0; i < length; i++)
        {
            slice[i] = items[start + i];
        }

        return slice;
    }
}
