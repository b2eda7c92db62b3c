namespace MLflow.Tracking;

/// <summary>One entry of a run's artifact listing, as MLflow's <c>FileInfo</c>.</summary>
/// <param name="Path">The path relative to the run's artifact root, with '/' separators (for example <c>plots/loss.csv</c>).</param>
/// <param name="IsDirectory">Whether the entry is a directory.</param>
/// <param name="FileSize">The size in bytes of a file; null for a directory.</param>
public sealed record ArtifactFileInfo(string Path, bool IsDirectory, long? FileSize);
