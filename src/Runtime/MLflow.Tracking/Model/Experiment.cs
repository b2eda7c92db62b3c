using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>An MLflow experiment.</summary>
public sealed record Experiment
{
    /// <summary>The experiment id (a decimal number as a string; <c>0</c> is <c>Default</c>).</summary>
    public required string ExperimentId { get; init; }

    /// <summary>The unique name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the experiment's artifacts are stored.</summary>
    public string? ArtifactLocation { get; init; }

    /// <summary>Active or deleted.</summary>
    public LifecycleStage LifecycleStage { get; init; }

    /// <summary>When the experiment was created, if the store knows.</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>When the experiment was last changed, if the store knows.</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }

    /// <summary>The experiment's tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = EmptyTags;

    internal static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>(StringComparer.Ordinal);
}
