using System;

namespace MLflow.Tracking.Stores;

/// <summary>What a store can do beyond <see cref="MlflowStore"/>'s calls, so the tracker adapts without knowing store types.</summary>
[Flags]
public enum MlflowStoreCapabilities
{
    /// <summary>Concurrent writers are fine and the data does not outlive the process (an in-memory fake).</summary>
    None = 0,

    /// <summary>One writer at a time (MLflow's SQLite file): concurrent transactions would only wait on each other's locks.</summary>
    SingleWriter = 1,

    /// <summary>
    /// The store outlives the process (a server, a file), so run data that cannot reach it in time is worth keeping
    /// in the local spool for a later process.
    /// </summary>
    Durable = 2,
}
