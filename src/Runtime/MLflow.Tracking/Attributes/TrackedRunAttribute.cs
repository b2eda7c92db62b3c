using System;

namespace MLflow.Tracking;

/// <summary>
/// Marks a partial method whose every call becomes an MLflow run. The source generator implements the partial
/// method: it starts a run, logs <see cref="LogParamAttribute"/> parameters and <see cref="RunTagAttribute"/> tags,
/// calls <c>&lt;Name&gt;Core</c> (the user's body, same signature), logs <see cref="LogMetricAttribute"/> results
/// and terminates the run as FINISHED, FAILED (exception) or KILLED (cancellation).
/// </summary>
/// <example>
/// <code>
/// [TrackedRun(Experiment = "training", RunName = "train")]
/// public partial TrainingResult Train([LogParam] double learningRate, CancellationToken cancellationToken);
/// private TrainingResult TrainCore(double learningRate, CancellationToken cancellationToken) { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TrackedRunAttribute : Attribute
{
    /// <summary>
    /// The experiment the run belongs to, created on first use. When unset, <c>MLFLOW_EXPERIMENT_NAME</c> /
    /// <c>MLFLOW_EXPERIMENT_ID</c> (or the configured default) apply, and otherwise MLflow's <c>Default</c> experiment.
    /// </summary>
    public string? Experiment { get; set; }

    /// <summary>The run name (<c>mlflow.runName</c>). When unset, the method name is used.</summary>
    public string? RunName { get; set; }

    /// <summary>
    /// Samples the machine's CPU, memory, disk and network into the run (<c>system/...</c> metrics, as MLflow's
    /// <c>log_system_metrics=True</c>) on a background timer while it is open, and stops when it ends. Also on for
    /// every run when <see cref="MlflowOptions.SystemMetrics"/> is enabled (<c>MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING</c>).
    /// </summary>
    public bool LogSystemMetrics { get; set; }
}
