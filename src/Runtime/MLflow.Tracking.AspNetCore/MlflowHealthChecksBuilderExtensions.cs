using System;
using System.Collections.Generic;
using MLflow.Tracking;
using MLflow.Tracking.AspNetCore;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MLflow health check: <c>builder.Services.AddHealthChecks().AddMlflow()</c>.</summary>
public static class MlflowHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that pings the container's <see cref="MlflowStore"/> (registered by <c>AddMlflowTracking</c>).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">What an unreachable store reports; Unhealthy when null.</param>
    /// <param name="tags">Tags to filter checks by (for example "ready").</param>
    /// <param name="timeout">How long the store may take to answer; 5 s when null.</param>
    /// <param name="configure">Further thresholds (the Degraded threshold).</param>
    public static IHealthChecksBuilder AddMlflow(
        this IHealthChecksBuilder builder,
        string name = "mlflow",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null,
        Action<MlflowHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var options = new MlflowHealthCheckOptions();
        if (timeout is { } given)
        {
            options.Timeout = given;
        }

        configure?.Invoke(options);
        var watermark = new DeliveryWatermark();
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new MlflowHealthCheck(provider.GetRequiredService<MlflowStore>(), provider.GetService<IRunTracker>() as BackgroundRunTracker, options, watermark),
            failureStatus,
            tags,
            // The framework's own timeout is a backstop a little beyond ours, so our message explains the timeout.
            options.Timeout + TimeSpan.FromSeconds(1)));
    }
}
