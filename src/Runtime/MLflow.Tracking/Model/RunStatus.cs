namespace MLflow.Tracking;

/// <summary>The status of an MLflow run (MLflow's <c>RunStatus</c>).</summary>
public enum RunStatus
{
    /// <summary>The run is in progress.</summary>
    Running = 1,

    /// <summary>The run is scheduled and has not started.</summary>
    Scheduled = 2,

    /// <summary>The run completed.</summary>
    Finished = 3,

    /// <summary>The run failed.</summary>
    Failed = 4,

    /// <summary>The run was cancelled.</summary>
    Killed = 5,
}
