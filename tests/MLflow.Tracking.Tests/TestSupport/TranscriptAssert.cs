using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace MLflow.Tracking.Tests.TestSupport;

/// <summary>Compares model records with the JSON bodies a real MLflow server returned.</summary>
internal static class TranscriptAssert
{
    public static void RunEquals(JsonElement expected, Run actual)
    {
        var info = expected.GetProperty("info");
        Assert.Equal(info.GetProperty("run_id").GetString(), actual.Info.RunId);
        Assert.Equal(info.GetProperty("experiment_id").GetString(), actual.Info.ExperimentId);
        Assert.Equal(info.GetProperty("run_name").GetString(), actual.Info.RunName);
        Assert.Equal(info.GetProperty("user_id").GetString(), actual.Info.UserId);
        Assert.Equal(info.GetProperty("status").GetString(), actual.Info.Status.ToString().ToUpperInvariant());
        Assert.Equal(info.GetProperty("start_time").GetInt64(), actual.Info.StartTime?.ToUnixTimeMilliseconds() ?? 0);
        Assert.Equal(info.TryGetProperty("end_time", out var end) ? end.GetInt64() : null, actual.Info.EndTime?.ToUnixTimeMilliseconds());
        Assert.Equal(info.GetProperty("artifact_uri").GetString(), actual.Info.ArtifactUri);
        Assert.Equal(info.GetProperty("lifecycle_stage").GetString(), actual.Info.LifecycleStage.ToString().ToLowerInvariant());

        var data = expected.GetProperty("data");
        var metrics = data.TryGetProperty("metrics", out var m) ? m.EnumerateArray().ToList() : new List<JsonElement>();
        Assert.Equal(metrics.Count, actual.Data.Metrics.Count);
        foreach (var metric in metrics)
        {
            var key = metric.GetProperty("key").GetString()!;
            var found = Assert.Single(actual.Data.Metrics, x => x.Key == key);
            MetricEquals(metric, found);
        }

        Assert.Equal(KeyValues(data, "params"), actual.Data.Params.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        Assert.Equal(KeyValues(data, "tags"), actual.Data.Tags.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
    }

    public static void MetricEquals(JsonElement expected, Metric actual)
    {
        Assert.Equal(expected.GetProperty("key").GetString(), actual.Key);
        var value = expected.GetProperty("value");
        var expectedValue = value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetDouble();
        Assert.Equal(expectedValue, actual.Value);
        Assert.Equal(expected.GetProperty("timestamp").GetInt64(), actual.Timestamp.ToUnixTimeMilliseconds());
        Assert.Equal(expected.GetProperty("step").GetInt64(), actual.Step);
    }

    public static void ExperimentEquals(JsonElement expected, Experiment actual)
    {
        Assert.Equal(expected.GetProperty("experiment_id").GetString(), actual.ExperimentId);
        Assert.Equal(expected.GetProperty("name").GetString(), actual.Name);
        Assert.Equal(expected.GetProperty("artifact_location").GetString(), actual.ArtifactLocation);
        Assert.Equal(expected.GetProperty("lifecycle_stage").GetString(), actual.LifecycleStage.ToString().ToLowerInvariant());
        Assert.Equal(expected.GetProperty("creation_time").GetInt64(), actual.CreationTime?.ToUnixTimeMilliseconds());
        Assert.Equal(expected.GetProperty("last_update_time").GetInt64(), actual.LastUpdateTime?.ToUnixTimeMilliseconds());
        Assert.Equal(KeyValues(expected, "tags"), actual.Tags.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
    }

    private static List<KeyValuePair<string, string>> KeyValues(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array)
            ? array.EnumerateArray().Select(e => new KeyValuePair<string, string>(e.GetProperty("key").GetString()!, e.GetProperty("value").GetString()!)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList()
            : new List<KeyValuePair<string, string>>();
}
