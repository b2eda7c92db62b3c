namespace MLflow.Tracking;

/// <summary>
/// What happened to the run operations (run creation, metrics, params, tags, termination) settled since the previous
/// flush answered (or the tracker started), and what is still pending. Every operation ends in exactly one of the
/// four counts, so they add up.
/// </summary>
/// <param name="Delivered">Operations the store accepted.</param>
/// <param name="Spooled">Operations in the local spool (written because the store could not take them in time, less those replayed since); the next tracker for the same store (or <see cref="BackgroundRunTracker.ReplaySpoolAsync"/>) delivers them.</param>
/// <param name="Refused">Operations given up on: refused by the store (an invalid key, a deleted run) or by a full spool. Logged with their cause.</param>
/// <param name="Pending">Operations still only in memory when the flush returned (the flush was cancelled, or spooling was impossible).</param>
/// <param name="TimedOut">Whether the flush deadline (<see cref="MlflowOptions.FlushTimeout"/>) passed before the store took everything.</param>
public sealed record FlushResult(long Delivered, long Spooled, long Refused, long Pending, bool TimedOut)
{
    /// <summary>A flush with nothing to do (tracking disabled, a test fake, or a disposed tracker).</summary>
    public static FlushResult Empty { get; } = new(0, 0, 0, 0, false);

    /// <summary>Everything reached the store: nothing spooled, refused or left pending.</summary>
    public bool Succeeded => !TimedOut && Spooled == 0 && Refused == 0 && Pending == 0;

    /// <summary>Nothing was lost: every operation is in the store or in the local spool.</summary>
    public bool IsDurable => Refused == 0 && Pending == 0;
}
