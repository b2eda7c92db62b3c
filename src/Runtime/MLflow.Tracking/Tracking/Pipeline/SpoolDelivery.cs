using System;
using System.Collections.Generic;
using System.IO;
using MLflow.Tracking.Spool;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The spool side of the delivery worker: moves whole runs from its work list to the <see cref="RunSpool"/>, and
/// claims spool files back into it for replay, one file at a time. It owns the spool, the claimed file's lease and
/// which of this process's runs have parts in the spool; the worker calls it only while it holds its gate.
/// </summary>
internal sealed class SpoolDelivery
{
    private static readonly TimeSpan IdleSpoolCheck = TimeSpan.FromSeconds(30);

    private readonly BackgroundRunTracker _tracker;
    private readonly MlflowOptions _options;
    private readonly DeliveryCounters _counters;
    private readonly RunProtocol _protocol;
    private readonly DeliveryWaiters _waiters;
    private readonly List<TrackedRun> _workList; // the worker's, shared: runs move between it and the spool
    private readonly Action<TrackedRun> _addToWorkList;
    private readonly ILogger _logger;
    private readonly int _maxQueueLength;
    private readonly HashSet<string> _deferredStems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedRun> _liveInSpool = new(StringComparer.Ordinal); // this process's runs with parts in the spool, by key
    private RunSpool? _spool;
    private SpoolLease? _lease;
    private bool _spoolMayHaveFiles = true;
    private bool _spoolWarned;
    private long _nextLiveSpillMs;
    private long _nextSpoolCheckMs;

    public SpoolDelivery(BackgroundRunTracker tracker, MlflowOptions options, DeliveryCounters counters, RunProtocol protocol, DeliveryWaiters waiters, List<TrackedRun> workList, Action<TrackedRun> addToWorkList, ILogger logger)
    {
        _tracker = tracker;
        _options = options;
        _counters = counters;
        _protocol = protocol;
        _waiters = waiters;
        _workList = workList;
        _addToWorkList = addToWorkList;
        _logger = logger;
        _maxQueueLength = Math.Max(1, options.MaxQueueLength);
    }

    /// <summary>The spool, once the store is known to be durable (none without one, or with MaxSpoolSize 0).</summary>
    public RunSpool? Spool => _spool;

    /// <summary>No spool, or nothing in it this worker could replay now.</summary>
    public bool IsIdle => _spool is null || (_lease is null && !_spoolMayHaveFiles);

    /// <summary>How long until the spool is looked at again for files another process left.</summary>
    public long MsUntilCheck(long now) => Math.Max(1, _nextSpoolCheckMs - now);

    /// <summary>Runs that must go to the spool rather than the store, so that what was spooled before them stays first.</summary>
    public static bool MustSpool(TrackedRun run) =>
        run.Spooled || (run.NeedsCreate && run.ParentRun is { Spooled: true, KnownRunId: null });

    /// <summary>Opens the spool for <paramref name="client"/>'s store, once, when that store is durable.</summary>
    public void Open(MlflowClient client)
    {
        if (_spool is null && _options.MaxSpoolSize > 0 && (client.Store.Capabilities & MlflowStoreCapabilities.Durable) != 0)
        {
            var description = client.Store.Description;
            _spool = new RunSpool(RunSpool.DirectoryFor(_options.SpoolDirectory, description), _options.MaxSpoolSize, description);
            _protocol.Spool = _spool;
            try
            {
                _spool.PruneIds();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TrackerLog.SpoolReadFailed(_logger, ex, _spool.Directory);
            }
        }
    }

    /// <summary>The store answers again: the next spill is logged again, and the spool is looked at for files.</summary>
    public void StoreAnswersAgain()
    {
        _spoolWarned = false;
        _spoolMayHaveFiles = true;
    }

    /// <summary>A replay was asked for: every file, deferred ones too, is tried again.</summary>
    public void ReplayRequested()
    {
        _spoolMayHaveFiles = true;
        _deferredStems.Clear();
    }

    /// <summary>Runs whose order ties them to the spool go there (while flushing, all of them at once).</summary>
    public void SpillTiedRuns(bool flushing)
    {
        if (flushing)
        {
            // A flush makes everything durable now: runs whose order ties them to the spool go there at once.
            SpillRuns(MustSpool, "part of the run was spooled before");
        }
        else if (Environment.TickCount64 >= _nextLiveSpillMs)
        {
            // An open run with parts in the spool logs on through it (behind those parts), a probe interval at a
            // time, so that the replay drains it while it runs instead of it piling up in memory.
            _nextLiveSpillMs = Environment.TickCount64 + (long)OutageMonitor.ProbeInterval.TotalMilliseconds;
            SpillRuns(MustSpool, "part of the run was spooled before");
        }
        else
        {
            SpillRuns(static run => MustSpool(run) && run.IsEnded, "part of the run was spooled before");
        }
    }

    /// <summary>
    /// Callers outpace the store: their ended runs from the back of the list go to the spool, never the ones being
    /// delivered. Runs replayed from the spool are not that pressure (memory holds one claimed file at most): they
    /// neither count nor go back.
    /// </summary>
    public void SpillOverflow()
    {
        if (_spool is null)
        {
            return;
        }

        var pending = LivePending();
        if (pending <= _maxQueueLength)
        {
            return;
        }

        var keep = Math.Max(1, _options.DeliveryConcurrency);
        var target = _maxQueueLength / 2;
        var chosen = new HashSet<TrackedRun>();
        for (var i = _workList.Count - 1; i >= keep && pending > target; i--)
        {
            var run = _workList[i];
            if (run.SourceLease is null && run.IsEnded && run.ParentRun is not { NeedsCreate: true })
            {
                chosen.Add(run);
                pending -= run.PendingCount;
            }
        }

        if (chosen.Count > 0)
        {
            SpillRuns(chosen.Contains, "the memory queue is full (MaxQueueLength) while the store is slower than the callers");
        }
    }

    /// <summary>
    /// The operations callers queued that wait in memory (in the queue or the work list), without those read back from
    /// the claimed spool file: the memory-queue bound (<see cref="MlflowOptions.MaxQueueLength"/>) is about these.
    /// </summary>
    public long LivePending()
    {
        var pending = _counters.Pending;
        if (_lease is not null)
        {
            foreach (var run in _workList)
            {
                if (run.SourceLease is not null)
                {
                    pending -= run.PendingCount;
                }
            }
        }

        return pending;
    }

    /// <summary>
    /// Writes the runs <paramref name="select"/> picks (whole: everything each still has) to one spool file, with
    /// any parent not created yet. When the spool refuses, those runs are refused whole and logged; without a spool
    /// they stay in memory.
    /// </summary>
    public void SpillRuns(Func<TrackedRun, bool> select, string reason)
    {
        if (_spool is null || _workList.Count == 0)
        {
            return;
        }

        var chosen = new HashSet<TrackedRun>();
        foreach (var run in _workList)
        {
            if (run.HasPendingWork && select(run))
            {
                chosen.Add(run);
                var parent = run.ParentRun;
                while (parent is { NeedsCreate: true, InWorkList: true } && chosen.Add(parent))
                {
                    parent = parent.ParentRun;
                }
            }
        }

        if (chosen.Count == 0)
        {
            return;
        }

        var file = new SpoolFile();
        var runs = new List<TrackedRun>(chosen.Count);
        long operations = 0;
        var allFromLease = _lease is not null;
        foreach (var run in _workList)
        {
            if (chosen.Contains(run))
            {
                file.Runs.Add(SpoolCodec.ToEntry(run, _options));
                runs.Add(run);
                operations += run.PendingCount;
                allFromLease &= ReferenceEquals(run.SourceLease, _lease);
            }
        }

        bool written;
        try
        {
            // Runs replayed from a file and written back keep that file's place in the order.
            written = _spool.TryWrite(file, allFromLease ? _lease!.Stem + "-r" + (++_lease.Respooled).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            if (!written)
            {
                TrackerLog.SpoolFull(_logger, _spool.Directory, _options.MaxSpoolSize, operations, runs.Count);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            written = false;
            TrackerLog.SpoolWriteFailed(_logger, ex, _spool.Directory, operations);
        }

        foreach (var run in runs)
        {
            if (written)
            {
                if (run.SourceLease is null && (!run.IsEnded || _liveInSpool.ContainsKey(run.Key!)))
                {
                    // An open run will log on: count its parts, so that it resumes direct delivery once they are in.
                    run.FilesInSpool++;
                    _liveInSpool[run.Key!] = run;
                }

                _counters.AddSpooled(run.PendingCount);
                run.NeedsCreate = false;
                run.PendingData?.Clear();
                run.PendingEndStatus = null;
                run.Spooled = true;
            }
            else
            {
                _protocol.Refuse(run);
            }

            run.InWorkList = false;
        }

        _workList.RemoveAll(static run => !run.InWorkList);
        if (written)
        {
            _spoolMayHaveFiles = true;
            if (!_spoolWarned)
            {
                _spoolWarned = true;
                TrackerLog.Spooled(_logger, operations, runs.Count, _spool.Directory, reason);
            }
        }
    }

    /// <summary>Once no run of the claimed file waits any more, the file goes (or, stopping, goes back to the spool).</summary>
    public void SettleLease(bool releaseIfUnsettled)
    {
        if (_lease is null || _spool is null)
        {
            return;
        }

        var outstanding = 0;
        foreach (var run in _workList)
        {
            if (ReferenceEquals(run.SourceLease, _lease))
            {
                outstanding++;
            }
        }

        _lease.Outstanding = outstanding;
        if (outstanding > 0)
        {
            if (releaseIfUnsettled)
            {
                // Not expected: StopAsync spilled everything first. Keep the file; its lease expires for the next process.
                _lease = null;
            }
            else if (!_spool.Renew(_lease))
            {
                TrackerLog.LeaseLost(_logger, _lease.Stem);
            }

            return;
        }

        _spool.Complete(_lease);
        ResumeLiveRuns(_lease);
        _waiters.FileReplayed(_lease.Content);

        _lease = null;
        _deferredStems.Clear(); // the file's runs now have ids: files waiting for them may go
    }

    /// <summary>
    /// A replayed file held parts of runs this process still tracks: each learns its server id, and once none of its
    /// parts is left in the spool it goes back to direct delivery (what it logs meanwhile came after those parts).
    /// </summary>
    private void ResumeLiveRuns(SpoolLease lease)
    {
        if (_liveInSpool.Count == 0)
        {
            return;
        }

        foreach (var restored in lease.Runs)
        {
            if (restored.Key is not { } key || !_liveInSpool.TryGetValue(key, out var live))
            {
                continue;
            }

            if (restored.KnownRunId is { } runId && live.KnownRunId is null)
            {
                live.PublishRunId(runId, restored.ExperimentId ?? string.Empty);
            }

            if (--live.FilesInSpool > 0 || live.KnownRunId is null)
            {
                continue;
            }

            live.Spooled = false;
            _liveInSpool.Remove(key);
            if (live.HasPendingWork)
            {
                _addToWorkList(live);
            }
        }
    }

    /// <summary>Takes the next spool file into the work list (the worker asks while nothing this process tracked waits).</summary>
    public bool TryClaimFile()
    {
        if (_spool is null || _lease is not null)
        {
            return false;
        }

        var now = Environment.TickCount64;
        if (!_spoolMayHaveFiles && !_waiters.HasReplays && now < _nextSpoolCheckMs)
        {
            return false;
        }

        _nextSpoolCheckMs = now + (long)IdleSpoolCheck.TotalMilliseconds;
        try
        {
            while (true)
            {
                var lease = _spool.TryClaim(_deferredStems, (stem, error) => TrackerLog.SpoolFileCorrupt(_logger, stem, _spool.Directory, error.Message));
                if (lease is null)
                {
                    _spoolMayHaveFiles = false;
                    return false;
                }

                var runs = SpoolCodec.Restore(lease.Content, _tracker, _spool);
                if (runs is null)
                {
                    // A run's start (or its parent) is in a file not replayed yet: this one waits for it.
                    _spool.Release(lease);
                    _deferredStems.Add(lease.Stem);
                    continue;
                }

                long operations = 0;
                foreach (var run in runs)
                {
                    run.SourceLease = lease;
                    operations += run.PendingCount;
                    _counters.AddRestored(run.PendingCount);
                    _addToWorkList(run);
                }

                lease.Runs = runs;
                _lease = lease;
                TrackerLog.Replaying(_logger, lease.Stem, runs.Count, operations, _spool.Directory);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TrackerLog.SpoolReadFailed(_logger, ex, _spool.Directory);
            _spoolMayHaveFiles = false;
            return false;
        }
    }
}
