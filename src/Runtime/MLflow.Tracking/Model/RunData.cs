using System;
using System.Collections.Generic;

namespace MLflow.Tracking;

/// <summary>The data of an MLflow run.</summary>
public sealed record RunData
{
    /// <summary>The latest value of each metric (the point with the highest step, then timestamp, as MLflow keeps it).</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = Array.Empty<Metric>();

    /// <summary>The run's params by key.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = Experiment.EmptyTags;

    /// <summary>The run's tags by key, including MLflow's system tags (<c>mlflow.*</c>).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = Experiment.EmptyTags;
}
