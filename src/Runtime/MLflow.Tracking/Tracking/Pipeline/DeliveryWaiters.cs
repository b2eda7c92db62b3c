using System;
using System.Collections.Generic;
using System.IO;
using MLflow.Tracking.Spool;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The flushes and spool replays callers wait on, and what each is answered with: the worker adds them as they arrive
/// and completes them once what they wait for has settled (or a flush deadline passed).
/// </summary>
internal sealed class DeliveryWaiters(DeliveryCounters counters, MlflowOptions options, ILogger logger)
{
    private readonly List<FlushRequest> _flushes = new();
    private readonly List<ReplayRequest> _replays = new();
    private (long Delivered, long Spooled, long Refused) _lastFlushBaseline;

    public bool HasFlushes => _flushes.Count > 0;

    public bool HasReplays => _replays.Count > 0;

    /// <summary>The earliest deadline of a waiting flush (<see cref="long.MaxValue"/> when none waits).</summary>
    public long EarliestDeadlineMs
    {
        get
        {
            var earliest = long.MaxValue;
            foreach (var flush in _flushes)
            {
                earliest = Math.Min(earliest, flush.DeadlineMs);
            }

            return earliest;
        }
    }

    public void Add(FlushRequest flush) => _flushes.Add(flush);

    public void Add(ReplayRequest replay) => _replays.Add(replay);

    public bool DeadlinePassed() => Environment.TickCount64 >= EarliestDeadlineMs;

    /// <summary>A claimed spool file is settled: every waiting replay counts it.</summary>
    public void FileReplayed(SpoolFile content)
    {
        foreach (var replay in _replays)
        {
            replay.Files++;
            replay.Runs += content.Runs.Count;
            foreach (var entry in content.Runs)
            {
                replay.Operations += entry.OperationCount;
            }
        }
    }

    public void CompleteFlushes(bool timedOut)
    {
        if (_flushes.Count == 0)
        {
            return;
        }

        // A flush reports everything settled since the previous flush answered, so runs spooled during an outage
        // before this flush began are reported too, never hidden behind "nothing to do".
        var baseline = _lastFlushBaseline;
        var settled = counters.Settled();
        _lastFlushBaseline = (settled.Delivered, settled.Spooled - settled.Restored, settled.Refused);
        foreach (var flush in _flushes)
        {
            // Spooled is net of what was read back from the spool and delivered since: what waits on disk now.
            var result = new FlushResult(
                _lastFlushBaseline.Delivered - Math.Min(baseline.Delivered, flush.DeliveredBefore),
                Math.Max(0, _lastFlushBaseline.Spooled - Math.Min(baseline.Spooled, flush.SpooledBefore)),
                _lastFlushBaseline.Refused - Math.Min(baseline.Refused, flush.RefusedBefore),
                settled.Pending,
                timedOut);
            if (timedOut)
            {
                TrackerLog.FlushTimedOut(logger, options.FlushTimeout.TotalSeconds, result.Delivered, result.Spooled, result.Refused, result.Pending);
            }

            flush.Done.TrySetResult(result);
        }

        _flushes.Clear();
    }

    /// <summary>Answers every waiting replay with what it settled and how many files <paramref name="spool"/> still holds.</summary>
    public void CompleteReplays(RunSpool? spool)
    {
        if (_replays.Count == 0)
        {
            return;
        }

        var remaining = 0;
        try
        {
            remaining = spool?.CountFiles() ?? 0;
        }
        catch (IOException)
        {
            // Reported as none left; the next replay looks again.
        }

        foreach (var replay in _replays)
        {
            replay.Done.TrySetResult(new SpoolReplayResult(replay.Files, replay.Runs, replay.Operations, remaining));
        }

        _replays.Clear();
    }
}
