using System;
using System.Collections.Generic;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Testing;

/// <summary>A run as an <see cref="InMemoryMlflowStore"/> holds it: every metric point, not only the latest.</summary>
public sealed record RecordedRun
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment's id.</summary>
    public required string ExperimentId { get; init; }

    /// <summary>The experiment's name.</summary>
    public required string ExperimentName { get; init; }

    /// <summary>The run name.</summary>
    public string? RunName { get; init; }

    /// <summary>The status: <see cref="RunStatus.Running"/> until terminated.</summary>
    public RunStatus Status { get; init; }

    /// <summary>The start time the client sent.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The end time, once terminated.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Active or deleted.</summary>
    public LifecycleStage LifecycleStage { get; init; }

    /// <summary>The parent run's id (the <c>mlflow.parentRunId</c> tag), or null for a top-level run.</summary>
    public string? ParentRunId => Tags.GetValueOrDefault("mlflow.parentRunId");

    /// <summary>Params by key.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    /// <summary>Tags by key, including MLflow's system tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Every metric point, in the order logged.</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = Array.Empty<Metric>();

    /// <summary>The datasets logged as inputs, in the order logged.</summary>
    public IReadOnlyList<DatasetInput> Inputs { get; init; } = Array.Empty<DatasetInput>();

    /// <summary>The artifact files kept in memory (runs under <c>memory://</c>), by path under the run's artifact root.</summary>
    public IReadOnlyDictionary<string, byte[]> Artifacts { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The points of one metric, in the order logged.</summary>
    public IReadOnlyList<Metric> MetricHistory(string key)
    {
        var points = new List<Metric>();
        foreach (var metric in Metrics)
        {
            if (metric.Key == key)
            {
                points.Add(metric);
            }
        }

        return points;
    }
}
