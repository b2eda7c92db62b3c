using System;

namespace MLflow.Tracking.AspNetCore;

/// <summary>Thresholds of the MLflow health check.</summary>
public sealed class MlflowHealthCheckOptions
{
    /// <summary>The longest a ping may take before the store counts as unreachable (5 s by default).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A ping slower than this reports Degraded (1 s by default).</summary>
    public TimeSpan DegradedThreshold { get; set; } = TimeSpan.FromSeconds(1);
}
