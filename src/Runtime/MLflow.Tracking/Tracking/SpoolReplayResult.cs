namespace MLflow.Tracking;

/// <summary>What a replay of the local spool delivered.</summary>
/// <param name="Files">Spool files claimed and settled by this replay.</param>
/// <param name="Runs">Runs those files held.</param>
/// <param name="Operations">Run operations those files held.</param>
/// <param name="Remaining">Spool files left (held by another process, waiting for a parent run, or written back because the store stopped answering).</param>
public sealed record SpoolReplayResult(int Files, int Runs, long Operations, int Remaining)
{
    /// <summary>Nothing to replay (no spool for this store, or tracking disabled).</summary>
    public static SpoolReplayResult Empty { get; } = new(0, 0, 0, 0);
}
