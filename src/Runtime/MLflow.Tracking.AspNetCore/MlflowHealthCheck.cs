using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MLflow.Tracking.AspNetCore;

/// <summary>
/// Reports whether MLflow answers: Healthy with the store's description and version; Degraded when the ping is
/// slower than <see cref="MlflowHealthCheckOptions.DegradedThreshold"/> or when the tracker gave up on run data
/// (dropped operations) since the previous check; Unhealthy with the error when the store does not answer.
/// Descriptions never contain credentials.
/// </summary>
public sealed class MlflowHealthCheck : IHealthCheck
{
    private readonly MlflowStore _store;
    private readonly BackgroundRunTracker? _tracker;
    private readonly MlflowHealthCheckOptions _options;
    private readonly DeliveryWatermark _watermark;

    /// <summary>Creates the check.</summary>
    /// <param name="store">The store to ping.</param>
    /// <param name="tracker">The tracker whose delivery counts are watched, or null.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="watermark">The counts seen by the previous check of this registration.</param>
    internal MlflowHealthCheck(MlflowStore store, BackgroundRunTracker? tracker, MlflowHealthCheckOptions options, DeliveryWatermark watermark)
    {
        _store = store;
        _tracker = tracker;
        _options = options;
        _watermark = watermark;
    }

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var description = _store.Description;
        var failureStatus = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var watch = Stopwatch.StartNew();
        string version;
        try
        {
            version = await _store.PingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failureStatus, $"MLflow at {description} did not answer within {Milliseconds(_options.Timeout)} ms.");
        }
#pragma warning disable CA1031 // Any failure of the store is the check's answer, not an error of the check.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // The exception itself is not attached: health responses are often public, and inner exceptions may carry
            // request details. Store exceptions already say what failed without credentials.
            return new HealthCheckResult(failureStatus, $"MLflow at {description} is unreachable: {e.Message}");
        }

        var elapsed = watch.Elapsed;
        var data = new Dictionary<string, object>
        {
            ["store"] = description,
            ["version"] = version,
            ["response_time_ms"] = elapsed.TotalMilliseconds,
        };

        if (_tracker is not null)
        {
            var statistics = _tracker.Statistics;
            data["pending_operations"] = statistics.PendingOperations;
            data["dropped_operations"] = statistics.OperationsDropped;
            var newlyDropped = _watermark.Advance(statistics.OperationsDropped);
            if (newlyDropped > 0)
            {
                return HealthCheckResult.Degraded($"MLflow at {description} answers ({version}), but {newlyDropped.ToString(CultureInfo.InvariantCulture)} run operations could not be delivered since the last check.", data: data);
            }
        }

        if (elapsed > _options.DegradedThreshold)
        {
            return HealthCheckResult.Degraded($"MLflow at {description} answered slowly ({Milliseconds(elapsed)} ms, over {Milliseconds(_options.DegradedThreshold)} ms): {version}.", data: data);
        }

        return HealthCheckResult.Healthy($"MLflow at {description}: {version}.", data);
    }

    private static string Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The dropped-operation count a registration saw last, so "recently" means "since the previous check".</summary>
internal sealed class DeliveryWatermark
{
    private long _dropped;

    /// <summary>Records <paramref name="dropped"/> and returns how many are new since the previous call.</summary>
    public long Advance(long dropped) => dropped - Interlocked.Exchange(ref _dropped, dropped);
}
