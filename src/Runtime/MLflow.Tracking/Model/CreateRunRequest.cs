using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>What a new run is created with.</summary>
public sealed record CreateRunRequest
{
    /// <summary>The experiment the run belongs to.</summary>
    public required string ExperimentId { get; init; }

    /// <summary>The run name (also stored as the <c>mlflow.runName</c> tag).</summary>
    public string? RunName { get; init; }

    /// <summary>The start time; the client fills in "now" when null, because MLflow stores 0 otherwise.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The user id recorded on the run.</summary>
    public string? UserId { get; init; }

    /// <summary>Tags set at creation.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = Array.Empty<Tag>();
}
