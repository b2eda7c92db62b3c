using System;
using System.Collections.Generic;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking.Testing;

/// <summary>An experiment as the in-memory store keeps it (guarded by the store's lock).</summary>
internal sealed class StoredExperiment
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? ArtifactLocation { get; init; }

    public LifecycleStage Stage { get; set; }

    public DateTimeOffset CreationTime { get; init; }

    public DateTimeOffset LastUpdateTime { get; set; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public Experiment ToModel() => new()
    {
        ExperimentId = Id,
        Name = Name,
        ArtifactLocation = ArtifactLocation,
        LifecycleStage = Stage,
        CreationTime = CreationTime,
        LastUpdateTime = LastUpdateTime,
        Tags = new Dictionary<string, string>(Tags, StringComparer.Ordinal),
    };
}

/// <summary>A run as the in-memory store keeps it (guarded by the store's lock).</summary>
internal sealed class StoredRun
{
    public required string RunId { get; init; }

    public required string ExperimentId { get; init; }

    public string? RunName { get; set; }

    public string? UserId { get; init; }

    public RunStatus Status { get; set; } = RunStatus.Running;

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; set; }

    public LifecycleStage Stage { get; set; }

    public long Sequence { get; init; }

    /// <summary>The run's artifact root: the experiment's location, the run id, <c>artifacts</c> (as MLflow builds it).</summary>
    public required string ArtifactUri { get; init; }

    /// <summary>The datasets logged as inputs, in logging order (one per name and digest).</summary>
    public List<DatasetInput> Inputs { get; } = new();

    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Every metric point, in logging order.</summary>
    public List<Metric> Points { get; } = new();

    /// <summary>The distinct points: MLflow's metrics table is keyed by the whole point, so a repeat is kept once.</summary>
    private HashSet<Metric> DistinctPoints { get; } = new();

    /// <summary>Adds the point unless the run already holds the same (key, value, timestamp, step).</summary>
    public void AddPoint(Metric point)
    {
        if (DistinctPoints.Add(point))
        {
            Points.Add(point);
        }
    }

    /// <summary>The latest point of each metric: highest step, then timestamp, then value (as MLflow keeps it).</summary>
    public List<Metric> LatestMetrics()
    {
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var point in Points)
        {
            if (!latest.TryGetValue(point.Key, out var current) || IsLater(point, current))
            {
                latest[point.Key] = point;
            }
        }

        return new List<Metric>(latest.Values);
    }

    public RunInfo ToInfo() => new()
    {
        RunId = RunId,
        ExperimentId = ExperimentId,
        RunName = RunName,
        UserId = UserId ?? string.Empty,
        Status = Status,
        StartTime = StartTime,
        EndTime = EndTime,
        ArtifactUri = ArtifactUri,
        LifecycleStage = Stage,
    };

    public Run ToModel() => new(
        ToInfo(),
        new RunData
        {
            Metrics = LatestMetrics(),
            Params = new Dictionary<string, string>(Params, StringComparer.Ordinal),
            Tags = new Dictionary<string, string>(Tags, StringComparer.Ordinal),
        })
    {
        Inputs = Inputs.ToArray(),
    };

    private static bool IsLater(Metric candidate, Metric current)
    {
        if (candidate.Step != current.Step)
        {
            return candidate.Step > current.Step;
        }

        if (candidate.Timestamp != current.Timestamp)
        {
            return candidate.Timestamp > current.Timestamp;
        }

        return candidate.Value > current.Value;
    }
}
