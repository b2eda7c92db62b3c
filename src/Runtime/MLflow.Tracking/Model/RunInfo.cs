using System;

namespace MLflow.Tracking;

/// <summary>The metadata of an MLflow run.</summary>
public sealed record RunInfo
{
    /// <summary>The run id (32 hex digits).</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment the run belongs to.</summary>
    public required string ExperimentId { get; init; }

    /// <summary>The run name.</summary>
    public string? RunName { get; init; }

    /// <summary>The user recorded as the run's owner (empty when not sent).</summary>
    public string? UserId { get; init; }

    /// <summary>The run's status.</summary>
    public RunStatus Status { get; init; }

    /// <summary>When the run started; null when the store recorded 0.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The run's artifact root.</summary>
    public string? ArtifactUri { get; init; }

    /// <summary>Active or deleted.</summary>
    public LifecycleStage LifecycleStage { get; init; }
}
