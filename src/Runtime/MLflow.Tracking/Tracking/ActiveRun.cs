using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking;

/// <summary>
/// The run of the innermost tracked call on the current async flow: log per-epoch metrics, extra params and tags
/// from inside a <see cref="TrackedRunAttribute"/> method's body. Logging never blocks on the network and never
/// throws because tracking failed.
/// </summary>
/// <example>
/// <code>
/// for (var epoch = 0; epoch &lt; epochs; epoch++)
/// {
///     var loss = Step();
///     ActiveRun.Current?.LogMetric("loss", loss, step: epoch);
/// }
/// </code>
/// </example>
public abstract class ActiveRun
{
    private static readonly AsyncLocal<ActiveRun?> CurrentRun = new();

    /// <summary>The run of the innermost tracked call on this async flow, or null outside tracked calls.</summary>
    public static ActiveRun? Current => CurrentRun.Value;

    /// <summary>
    /// The MLflow run id. Run creation happens in the background, so reading this may wait until the store has
    /// answered (bounded by the flush timeout); prefer <see cref="GetRunIdAsync"/> in async code.
    /// </summary>
    /// <exception cref="MlflowException">The run could not be created (the reason is in the logs and the inner exception).</exception>
    public abstract string RunId { get; }

    /// <summary>The MLflow run id, once the store has created the run.</summary>
    public abstract ValueTask<string> GetRunIdAsync(CancellationToken cancellationToken = default);

    /// <summary>The experiment id, once known; null before the run is created.</summary>
    public abstract string? ExperimentId { get; }

    /// <summary>The experiment's name as the tracked method names it (null for the configured default).</summary>
    public abstract string? ExperimentName { get; }

    /// <summary>The run name.</summary>
    public abstract string RunName { get; }

    /// <summary>The enclosing tracked call's run when this one is nested (its <c>mlflow.parentRunId</c>), or null.</summary>
    public abstract ActiveRun? Parent { get; }

    /// <summary>Logs a metric point (timestamp now unless given).</summary>
    public abstract void LogMetric(string key, double value, long step = 0, DateTimeOffset? timestamp = null);

    /// <summary>Logs several metric points at one step.</summary>
    public virtual void LogMetrics(IEnumerable<KeyValuePair<string, double>> metrics, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var now = DateTimeOffset.UtcNow;
        foreach (var metric in metrics)
        {
            LogMetric(metric.Key, metric.Value, step, now);
        }
    }

    /// <summary>Logs a param.</summary>
    public abstract void LogParam(string key, string value);

    /// <summary>Logs a param, formatted with the invariant culture (see <see cref="MlflowValueFormatter"/>).</summary>
    public void LogParam<T>(string key, T value) => LogParam(key, MlflowValueFormatter.Format(value));

    /// <summary>Sets a tag.</summary>
    public abstract void SetTag(string key, string value);

    /// <summary>Makes <paramref name="run"/> the current run of this async flow; returns the one it replaces.</summary>
    protected static ActiveRun? SwapCurrent(ActiveRun? run)
    {
        var previous = CurrentRun.Value;
        CurrentRun.Value = run;
        return previous;
    }
}
