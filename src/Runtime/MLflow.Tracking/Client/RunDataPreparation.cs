using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>
/// Makes run data fit MLflow before it is sent: validates keys, truncates over-long param and tag values with a
/// warning (as MLflow's server does), removes repeated params of the same value and refuses a key given twice with
/// different values.
/// </summary>
internal static class RunDataPreparation
{
    public static Param PrepareParam(Param param, ILogger logger, string parameter = "key")
    {
        ArgumentNullException.ThrowIfNull(param);
        MlflowValidation.ValidateParamKey(param.Key, parameter);
        MlflowValidation.RequireValue(param.Value, "value");
        if (param.Value.Length > MlflowValidation.MaxParamValueLength)
        {
            ClientLog.ParamValueTruncated(logger, param.Key, param.Value.Length, MlflowValidation.MaxParamValueLength);
            return param with { Value = param.Value.Substring(0, MlflowValidation.MaxParamValueLength) };
        }

        return param;
    }

    public static Tag PrepareRunTag(Tag tag, ILogger logger, string parameter = "key")
    {
        ArgumentNullException.ThrowIfNull(tag);
        MlflowValidation.ValidateTagKey(tag.Key, parameter);
        MlflowValidation.RequireValue(tag.Value, "value");
        if (tag.Value.Length > MlflowValidation.MaxRunTagValueLength)
        {
            ClientLog.TagValueTruncated(logger, tag.Key, tag.Value.Length, MlflowValidation.MaxRunTagValueLength);
            return tag with { Value = tag.Value.Substring(0, MlflowValidation.MaxRunTagValueLength) };
        }

        return tag;
    }

    public static List<Metric> PrepareMetrics(IEnumerable<Metric> metrics)
    {
        var result = new List<Metric>();
        foreach (var metric in metrics)
        {
            MlflowValidation.ValidateMetric(metric, $"metrics[{result.Count}].name");
            result.Add(metric);
        }

        return result;
    }

    /// <summary>Validated, truncated params with repeats of the same value removed (first occurrence order kept).</summary>
    public static List<Param> PrepareParams(IEnumerable<Param> parameters, ILogger logger)
    {
        var result = new List<Param>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var raw in parameters)
        {
            var param = PrepareParam(raw, logger, $"params[{index++}].key");
            if (seen.TryGetValue(param.Key, out var earlier))
            {
                if (!string.Equals(earlier, param.Value, StringComparison.Ordinal))
                {
                    throw MlflowValidation.Invalid($"Param '{param.Key}' is given more than once with different values; MLflow params cannot change, so log one value per key.");
                }

                continue;
            }

            seen.Add(param.Key, param.Value);
            result.Add(param);
        }

        return result;
    }

    public static List<Tag> PrepareRunTags(IEnumerable<Tag> tags, ILogger logger)
    {
        var result = new List<Tag>();
        foreach (var tag in tags)
        {
            result.Add(PrepareRunTag(tag, logger, $"tags[{result.Count}].key"));
        }

        return result;
    }
}
