using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MLflow.Tracking.DependencyInjection;

/// <summary>
/// Ties the container's tracker to the host's lifetime: at start it becomes the ambient
/// <see cref="MlflowTracking.Tracker"/> (so generated <see cref="TrackedRunAttribute"/> wrappers use it); at stop
/// everything queued is flushed, bounded by <see cref="MlflowOptions.FlushTimeout"/> and the host's shutdown token.
/// What the store cannot take by then is spooled, so the container's disposal of the tracker afterwards does not wait
/// a second time: shutdown shares the one deadline.
/// </summary>
internal sealed partial class MlflowTrackingHostedService : IHostedLifecycleService
{
    private readonly IRunTracker _tracker;
    private readonly MlflowOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the service (the container does this).</summary>
    /// <param name="tracker">The container's tracker.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="logger">For flush problems at shutdown.</param>
    public MlflowTrackingHostedService(IRunTracker tracker, IOptions<MlflowOptions> options, ILogger<MlflowTrackingHostedService> logger)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _tracker = tracker;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Installs the tracker as the ambient one before any other hosted service starts.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        MlflowTracking.SetTracker(_tracker);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // StartingAsync already ran; hosts that do not know IHostedLifecycleService (none today) only call this.
        if (!ReferenceEquals(MlflowTracking.Tracker, _tracker))
        {
            MlflowTracking.SetTracker(_tracker);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Flushes queued run data, waiting at most <see cref="MlflowOptions.FlushTimeout"/> (the tracker's own deadline).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_tracker is BackgroundRunTracker tracker)
            {
                // The tracker bounds the flush by FlushTimeout itself and spools what is left, so no second timer here.
                var result = await tracker.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    LogFlushIncomplete(_logger, result.Delivered, result.Spooled, result.Refused, result.Pending);
                }

                return;
            }

            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(_options.FlushTimeout);
            await _tracker.FlushAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogFlushTimedOut(_logger, _options.FlushTimeout.TotalSeconds);
        }
#pragma warning disable CA1031 // Shutdown must go on whatever the tracker does; the failure is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFlushFailed(_logger, e.GetType().Name, e.Message);
        }
    }

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "MLflow tracking: not all queued run data was delivered within {Seconds} s at shutdown.")]
    private static partial void LogFlushTimedOut(ILogger logger, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "MLflow tracking at shutdown: {Delivered} run operations delivered, {Spooled} spooled for the next start, {Refused} refused, {Pending} left pending.")]
    private static partial void LogFlushIncomplete(ILogger logger, long delivered, long spooled, long refused, long pending);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MLflow tracking: flushing queued run data at shutdown failed: {ErrorType}: {ErrorMessage}")]
    private static partial void LogFlushFailed(ILogger logger, string errorType, string errorMessage);
}
