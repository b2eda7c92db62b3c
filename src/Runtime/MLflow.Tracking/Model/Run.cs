namespace MLflow.Tracking;

/// <summary>An MLflow run: its metadata and its data.</summary>
/// <param name="Info">Metadata: id, experiment, status, times.</param>
/// <param name="Data">Latest metrics, params and tags.</param>
public sealed record Run(RunInfo Info, RunData Data);
