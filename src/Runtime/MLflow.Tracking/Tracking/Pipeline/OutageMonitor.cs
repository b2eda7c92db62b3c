using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// Whether the store is unreachable, since when, and when it is next asked whether it answers again: an unreachable
/// store is probed every <see cref="ProbeInterval"/>, so delivery resumes within about that once it answers.
/// </summary>
internal sealed class OutageMonitor(DeliveryCounters counters, ILogger logger)
{
    /// <summary>How often an unreachable store is asked whether it answers again.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long the store must have been unreachable before runs still open go to the spool too (and from then on what
    /// they log, at every probe): a long training run then loses at most about this plus one probe interval to a
    /// SIGKILL, while a blip of one failed request does not send an open run through the spool.
    /// </summary>
    public static readonly TimeSpan OpenRunSpillDelay = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private volatile bool _unreachable;
    private bool _probeFailedSinceFlush;
    private bool _deadlineSpent; // a flush deadline passed during this outage: later flushes do not wait out another
    private long _nextProbeMs;
    private long _unreachableSinceMs;

    /// <summary>Whether the store is known to be unreachable (read from callers' threads too).</summary>
    public bool IsUnreachable => _unreachable;

    public bool ProbeDue => Environment.TickCount64 >= _nextProbeMs;

    /// <summary>Whether the outage has lasted <see cref="OpenRunSpillDelay"/>: open runs go to the spool too then.</summary>
    public bool OpenRunsSpill => Environment.TickCount64 - _unreachableSinceMs >= (long)OpenRunSpillDelay.TotalMilliseconds;

    /// <summary>
    /// Once one flush deadline has passed in this outage and a probe since still failed, a later flush (dispose, exit)
    /// answers at once instead of waiting out a second deadline: flush, dispose and exit share one.
    /// </summary>
    public bool FlushesNeedNotWait => _unreachable && _deadlineSpent && _probeFailedSinceFlush;

    public long MsUntilProbe(long now) => Math.Max(0, _nextProbeMs - now);

    /// <summary>A flush arrived: it waits out its own deadline unless a probe after it fails too.</summary>
    public void FlushArrived() => _probeFailedSinceFlush = false;

    /// <summary>The store did not keep up with a flush deadline (the worker enters the outage too).</summary>
    public void FlushDeadlinePassed() => _deadlineSpent = true;

    /// <summary>A bug in the worker's pass: treat it like an outage for one probe interval, without logging one.</summary>
    public void PauseAfterFailure()
    {
        _unreachable = true;
        _nextProbeMs = Environment.TickCount64 + (long)ProbeInterval.TotalMilliseconds;
    }

    /// <summary>The store did not take a delivery: the outage starts (logged once, with <paramref name="error"/>) or goes on.</summary>
    public void Enter(MlflowClient client, Exception? error)
    {
        if (!_unreachable)
        {
            _unreachable = true;
            _unreachableSinceMs = Environment.TickCount64;
            TrackerLog.StoreUnreachable(logger, client.Store.Description, error is null ? "no answer" : error.GetType().Name + ": " + error.Message);
        }

        _nextProbeMs = Environment.TickCount64 + (long)ProbeInterval.TotalMilliseconds;
    }

    /// <summary>Asks the store whether it answers again; true (and the outage over) when it does.</summary>
    public async Task<bool> ProbeAsync(MlflowClient client, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await client.Store.PingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !token.IsCancellationRequested)
        {
            if (!Answered(ex))
            {
                counters.Failure();
                _probeFailedSinceFlush = true;
                TrackerLog.StoreStillUnreachable(logger, client.Store.Description);
                _nextProbeMs = Environment.TickCount64 + (long)ProbeInterval.TotalMilliseconds;
                return false;
            }
        }

        _unreachable = false;
        _deadlineSpent = false;
        TrackerLog.StoreAnswersAgain(logger, client.Store.Description);
        return true;
    }

    /// <summary>An HTTP answer other than "overloaded" (a proxy's 404 for <c>/health</c>, say) still means the store answers again.</summary>
    private static bool Answered(Exception exception) =>
        exception is MlflowException { HttpStatus: { } status } && status is not (408 or 429 or 502 or 503 or 504);
}
