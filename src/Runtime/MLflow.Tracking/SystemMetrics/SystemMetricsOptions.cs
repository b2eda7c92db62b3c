using System;
using System.Globalization;

namespace MLflow.Tracking.SystemMetrics;

/// <summary>
/// System metrics (CPU, memory, disk, network under <c>system/…</c>) as MLflow's client logs them, with its
/// environment variables: <c>MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING</c>, <c>MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL</c>,
/// <c>MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING</c> and <c>MLFLOW_SYSTEM_METRICS_NODE_ID</c>.
/// </summary>
public sealed class SystemMetricsOptions
{
    /// <summary>Whether runs log system metrics (off by default, as in MLflow).</summary>
    public bool Enabled { get; set; }

    /// <summary>The time between samples (MLflow's default: 10 s).</summary>
    public TimeSpan SamplingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many samples are averaged into one logged point (MLflow's default: 1).</summary>
    public int SamplesBeforeLogging { get; set; } = 1;

    /// <summary>When set, keys become <c>system/&lt;node id&gt;/&lt;name&gt;</c>, for runs spread over several machines.</summary>
    public string? NodeId { get; set; }

    /// <summary>The metric key prefix: <c>system/</c>, or <c>system/&lt;node id&gt;/</c>.</summary>
    public string KeyPrefix => string.IsNullOrEmpty(NodeId) ? "system/" : "system/" + NodeId + "/";

    /// <summary>Overwrites each option whose MLflow environment variable is set.</summary>
    /// <param name="getVariable">Returns an environment variable's value or null.</param>
    /// <exception cref="ArgumentException">A variable has a value of the wrong form; the message names it.</exception>
    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name) => getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (Get("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING") is { } enabled)
        {
            Enabled = enabled.ToUpperInvariant() switch
            {
                "TRUE" or "1" => true,
                "FALSE" or "0" => false,
                _ => throw new ArgumentException($"Environment variable MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING must be true, false, 1 or 0, but is '{enabled}'.", nameof(getVariable)),
            };
        }

        if (Get("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL") is { } interval)
        {
            if (!double.TryParse(interval, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
            {
                throw new ArgumentException($"Environment variable MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL must be a positive number of seconds, but is '{interval}'.", nameof(getVariable));
            }

            SamplingInterval = TimeSpan.FromSeconds(seconds);
        }

        if (Get("MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING") is { } samples)
        {
            if (!int.TryParse(samples, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                throw new ArgumentException($"Environment variable MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING must be a whole number of at least 1, but is '{samples}'.", nameof(getVariable));
            }

            SamplesBeforeLogging = count;
        }

        NodeId = Get("MLFLOW_SYSTEM_METRICS_NODE_ID") ?? NodeId;
    }

    /// <summary>A copy of these options.</summary>
    public SystemMetricsOptions Clone() => (SystemMetricsOptions)MemberwiseClone();

    /// <summary>Checks the interval and sample count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    internal void Validate()
    {
        if (SamplingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SamplingInterval), SamplingInterval, "SystemMetrics.SamplingInterval must be positive.");
        }

        if (SamplesBeforeLogging < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SamplesBeforeLogging), SamplesBeforeLogging, "SystemMetrics.SamplesBeforeLogging must be at least 1.");
        }
    }
}
