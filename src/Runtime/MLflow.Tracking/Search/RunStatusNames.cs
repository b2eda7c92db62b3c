using System;

namespace MLflow.Tracking.Search;

/// <summary>MLflow's names of run statuses (RUNNING, FINISHED…), as stored and as filters compare them.</summary>
internal static class RunStatusNames
{
    /// <summary>The stored name of <paramref name="status"/>.</summary>
    public static string ToName(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    /// <summary>The status a stored name stands for (RUNNING when unknown).</summary>
    public static RunStatus FromName(string? name) => name switch
    {
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => RunStatus.Running,
    };
}
