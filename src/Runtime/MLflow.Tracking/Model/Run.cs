using System;
using System.Collections.Generic;
using MLflow.Tracking.Datasets;

namespace MLflow.Tracking;

/// <summary>An MLflow run: its metadata and its data.</summary>
/// <param name="Info">Metadata: id, experiment, status, times.</param>
/// <param name="Data">Latest metrics, params and tags.</param>
public sealed record Run(RunInfo Info, RunData Data)
{
    /// <summary>The datasets logged as the run's inputs, in the order MLflow returns them.</summary>
    public IReadOnlyList<DatasetInput> Inputs { get; init; } = Array.Empty<DatasetInput>();
}
