using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Spool;
using MLflow.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The background worker of one tracker: takes queued operations, groups them per run and delivers them through the
/// <see cref="RunProtocol"/>. When the store cannot take them — unreachable, slower than the callers past
/// <see cref="MlflowOptions.MaxQueueLength"/>, or a flush deadline passing — it moves whole runs to the
/// <see cref="RunSpool"/> (through its <see cref="SpoolDelivery"/>); while the store answers and nothing else waits, it
/// replays the spool. Its <see cref="OutageMonitor"/> probes an unreachable store; its <see cref="DeliveryWaiters"/>
/// answer flushes and replays.
/// </summary>
internal sealed class DeliveryWorker
{
    // How long a request already sent may still run past a flush deadline before it is cancelled. Cutting it off at
    // once would spool a run whose creation the store may have carried out, and the replay would create it twice.
    // Within the tracker's DeadlineMarginMs, with room left to write the spool.
    private const int InFlightGraceMs = 250;

    private readonly MlflowOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly DeliveryCounters _counters;
    private readonly OperationQueue _queue;
    private readonly RunProtocol _protocol;
    private readonly bool _ownsClient;
    private readonly int _maxQueueLength;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly DeliveryWaiters _waiters; // the flushes and replays callers wait on
    private readonly OutageMonitor _outage; // whether the store answers, and when to ask it again
    private readonly SpoolDelivery _spooling; // runs to and from the spool

    // Worker state: touched only while _gate is held.
    private readonly List<TrackedRun> _workList = new();
    private readonly HashSet<TrackedRun> _openRuns = new();
    private MlflowClient? _client;
    private System.Net.Http.HttpClient? _ownedHttp; // under the client this worker opened for a tracking server
    private bool _storeOpenFailed;
    private Task _loop = Task.CompletedTask;

    public DeliveryWorker(BackgroundRunTracker tracker, MlflowOptions options, MlflowClient? client, bool ownsClient, ILoggerFactory loggerFactory, DeliveryCounters counters, OperationQueue queue)
    {
        _options = options;
        _client = client;
        _ownsClient = ownsClient;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<BackgroundRunTracker>();
        _counters = counters;
        _queue = queue;
        _maxQueueLength = Math.Max(1, options.MaxQueueLength);
        _protocol = new RunProtocol(options, counters, _logger);
        _waiters = new DeliveryWaiters(counters, options, _logger);
        _outage = new OutageMonitor(counters, _logger);
        _spooling = new SpoolDelivery(tracker, options, counters, _protocol, _waiters, _workList, AddToWorkList, _logger);
    }

    /// <summary>Whether the store is known to be unreachable (synchronous mode stops waiting on it then).</summary>
    public bool IsUnreachable => _outage.IsUnreachable;

    /// <summary>The client once opened (for disposal).</summary>
    public MlflowClient? Client => _client;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Holds delivery back until the handle is disposed (benchmarks measure the caller's side alone).</summary>
    public IDisposable Pause()
    {
        _gate.Wait();
        return new GateHandle(_gate);
    }

    /// <summary>
    /// Stops the worker: waits (at most until <paramref name="deadlineMs"/>) for its pass to end, then spools whatever
    /// is still in memory. Returns the operations left neither delivered, spooled nor refused.
    /// </summary>
    public async Task<long> StopAsync(long deadlineMs)
    {
        _queue.Complete();
        await _stop.CancelAsync().ConfigureAwait(false);
        var remaining = Math.Max(100, deadlineMs - Environment.TickCount64);
        try
        {
            await _loop.WaitAsync(TimeSpan.FromMilliseconds(remaining)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A store call that ignores cancellation (SQLite mid-statement) still runs; what it holds stays pending.
        }

        if (!await _gate.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(0, deadlineMs - Environment.TickCount64))).ConfigureAwait(false))
        {
            return _counters.Pending;
        }

        try
        {
            IngestQueued();
            _spooling.SpillRuns(static _ => true, "the tracker stopped before the store took everything");
            _spooling.SettleLease(releaseIfUnsettled: true);
            _waiters.CompleteFlushes(timedOut: _counters.Pending > 0);
            _waiters.CompleteReplays(_spooling.Spool);
            var left = _counters.Pending;
            if (left > 0)
            {
                TrackerLog.LeftUndelivered(_logger, left);
            }

            _ownedHttp?.Dispose(); // nothing is delivered after this; the store the tracker closes next does not own it
            return left;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var more = false;
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    _queue.Wake.Reset();
                    more = await PassAsync(token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !token.IsCancellationRequested)
                {
                    // A bug here must not end delivery for the life of the process: log it and go on after a pause.
                    TrackerLog.WorkerFailed(_logger, ex);
                    _outage.PauseAfterFailure();
                }
                finally
                {
                    _gate.Release();
                }

                if (!more)
                {
                    await PauseAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposal stops the worker; StopAsync spools what is left.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TrackerLog.WorkerFailed(_logger, ex);
        }
    }

    /// <summary>Waits for the next reason to work: new operations, a wake, a probe, a flush deadline or the batch interval.</summary>
    private async Task PauseAsync(CancellationToken token)
    {
        var now = Environment.TickCount64;
        long wait;
        bool idle;
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            idle = _workList.Count == 0 && !_waiters.HasFlushes && !_waiters.HasReplays;
            wait = _outage.IsUnreachable ? _outage.MsUntilProbe(now) : (long)_options.BatchInterval.TotalMilliseconds;
            wait = Math.Min(wait, Math.Max(0, _waiters.EarliestDeadlineMs - now));
        }
        finally
        {
            _gate.Release();
        }

        if (idle && !_outage.IsUnreachable)
        {
            // Nothing queued: sleep until something is (or the spool may hold files another process left).
            var spoolDue = _spooling.MsUntilCheck(now);
            var readable = _queue.Reader.WaitToReadAsync(token).AsTask();
            await Task.WhenAny(readable, _queue.Wake.Task, Task.Delay(TimeSpan.FromMilliseconds(spoolDue), token)).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            if (readable.IsCompletedSuccessfully && !readable.Result)
            {
                await _stop.CancelAsync().ConfigureAwait(false);
                return;
            }

            // Let a batch accumulate behind the first operation.
            wait = (long)_options.BatchInterval.TotalMilliseconds;
        }

        if (wait > 0)
        {
            await Task.WhenAny(_queue.Wake.Task, Task.Delay(TimeSpan.FromMilliseconds(wait), token)).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>One round of work. True when there is more to do at once (a replayed file waits, the store answers again).</summary>
    private async Task<bool> PassAsync(CancellationToken token)
    {
        IngestQueued();
        var client = OpenClient();
        if (client is null)
        {
            RefuseAll();
            _waiters.CompleteFlushes(timedOut: false);
            _waiters.CompleteReplays(_spooling.Spool);
            return false;
        }

        var more = false;
        if (_outage.IsUnreachable)
        {
            if (_outage.ProbeDue && await _outage.ProbeAsync(client, token).ConfigureAwait(false))
            {
                more = true;
                _spooling.StoreAnswersAgain();
            }

            if (_outage.IsUnreachable)
            {
                // Nothing gets through: ended runs are safer on disk than in memory (a kill would lose them), and once
                // the outage has lasted OpenRunSpillDelay, so is what open runs have logged (their later parts follow).
                if (_outage.OpenRunsSpill)
                {
                    _spooling.SpillRuns(static _ => true, "the store has been unreachable for a while; open runs are spooled as they log");
                }
                else
                {
                    _spooling.SpillRuns(static run => run.IsEnded || run.Spooled, "the store is unreachable");
                }

                if (_spooling.LivePending() > _maxQueueLength)
                {
                    _spooling.SpillRuns(static _ => true, "the store is unreachable and the memory queue is full");
                }
            }
        }

        if (!_outage.IsUnreachable)
        {
            _spooling.SpillOverflow();
            _spooling.SpillTiedRuns(flushing: _waiters.HasFlushes);

            if (HasDeliverable())
            {
                var delivered = await DeliverWithDeadlineAsync(client, token).ConfigureAwait(false);
                if (!delivered && !_waiters.DeadlinePassed())
                {
                    _outage.Enter(client, _protocol.TakeTransientError());
                }
            }
        }

        if (_waiters.DeadlinePassed())
        {
            _spooling.SpillRuns(static _ => true, "the flush deadline (FlushTimeout) passed");
            _waiters.CompleteFlushes(timedOut: true);

            // The store did not keep up: replay only after a probe finds it answering, not straight back from disk.
            _outage.Enter(client, _protocol.TakeTransientError());
            _outage.FlushDeadlinePassed();
        }

        if (!_outage.IsUnreachable)
        {
            _spooling.SettleLease(releaseIfUnsettled: false);
            more |= !HasDeliverableLiveWork() && _spooling.TryClaimFile(); // while nothing this process tracked waits
        }

        if (!HasLiveWork() && (_spooling.IsIdle || _outage.FlushesNeedNotWait))
        {
            // Everything queued before the flushes (and spooled on the way) has reached the store.
            _waiters.CompleteFlushes(timedOut: false);
            _waiters.CompleteReplays(_spooling.Spool);
        }
        else if (_outage.IsUnreachable)
        {
            _waiters.CompleteReplays(_spooling.Spool);
        }

        return more || (!_outage.IsUnreachable && HasDeliverable() && _counters.Pending >= 1000);
    }

    private void IngestQueued()
    {
        while (_queue.Reader.TryRead(out var operation))
        {
            Ingest(operation);
        }
    }

    private void Ingest(in RunOperation operation)
    {
        var run = operation.Run;
        switch (operation.Kind)
        {
            case RunOperationKind.Flush:
                _waiters.Add((FlushRequest)operation.Payload!);
                _outage.FlushArrived();
                return;
            case RunOperationKind.Replay:
                _waiters.Add((ReplayRequest)operation.Payload!);
                _spooling.ReplayRequested();
                return;
            case RunOperationKind.Crash:
                FailOpenRuns((CrashInfo)operation.Payload!);
                return;
            case RunOperationKind.Start:
                run!.NeedsCreate = true;
                _openRuns.Add(run);
                break;
            case RunOperationKind.End:
                run!.PendingEndStatus = (RunStatus)operation.Step;
                run.PendingEndTime = operation.Timestamp;
                _openRuns.Remove(run);
                break;
            default:
                (run!.PendingData ??= new List<RunOperation>()).Add(operation);
                break;
        }

        AddToWorkList(run);
    }

    private void AddToWorkList(TrackedRun run)
    {
        if (!run.InWorkList)
        {
            run.InWorkList = true;
            _workList.Add(run);
        }
    }

    /// <summary>The process is crashing: every run still open ends FAILED with the exception's type and message.</summary>
    private void FailOpenRuns(CrashInfo crash)
    {
        TrackerLog.Crashing(_logger, crash.ErrorType, _openRuns.Count, _options.FlushTimeout.TotalSeconds);
        var now = DateTimeOffset.UtcNow;
        foreach (var run in _openRuns)
        {
            if (!run.TryEndFromWorker())
            {
                continue; // its own End is already queued behind the crash marker
            }

            var data = run.PendingData ??= new List<RunOperation>();
            data.Add(RunOperation.Tag(run, "error.type", crash.ErrorType));
            data.Add(RunOperation.Tag(run, "error.message", crash.ErrorMessage));
            run.PendingEndStatus = RunStatus.Failed;
            run.PendingEndTime = now;
            _counters.Queued(3);
            _counters.RunFinished();
            AddToWorkList(run);
        }

        _openRuns.Clear();
    }

    private MlflowClient? OpenClient()
    {
        if (_client is null)
        {
            try
            {
                // The pipeline owns retries (DeliveryRetry): its client does not sleep through the user's HTTP backoff.
                var options = DeliveryRetry.ClientOptions(_options);
                if (TrackingUri.Parse(options.TrackingUri).Kind == TrackingStoreKind.Http)
                {
                    _ownedHttp = DeliveryRetry.CreateHttpClient(options, _loggerFactory.CreateLogger("MLflow.Tracking.Http"));
                    var store = MlflowStoreFactory.Create(options, _loggerFactory, _ownedHttp);
                    _client = options.ArtifactRepositories is { } repositories ? new MlflowClient(store, repositories, _loggerFactory) : new MlflowClient(store, _loggerFactory);
                }
                else
                {
                    _client = new MlflowClient(options, _loggerFactory);
                }

                _storeOpenFailed = false;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _counters.Failure();
                if (!_storeOpenFailed)
                {
                    _storeOpenFailed = true;
                    TrackerLog.StoreOpenFailed(_logger, ex, _options.ToString());
                }

                return null;
            }
        }

        _spooling.Open(_client);
        return _client;
    }

    private bool HasDeliverable()
    {
        foreach (var run in _workList)
        {
            if (!SpoolDelivery.MustSpool(run))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether runs this process tracked (not runs replayed from the spool) still wait.</summary>
    private bool HasLiveWork()
    {
        foreach (var run in _workList)
        {
            if (run.SourceLease is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether runs this process tracked wait that the store could take now. A run whose order ties it to the spool
    /// does not hold the replay back: its parts in the spool must be delivered first.
    /// </summary>
    private bool HasDeliverableLiveWork()
    {
        foreach (var run in _workList)
        {
            if (run.SourceLease is null && !SpoolDelivery.MustSpool(run))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Delivers until the earliest flush deadline passes (what is left then goes to the spool): no request starts
    /// after it, and one already sent is cancelled only <see cref="InFlightGraceMs"/> later.
    /// </summary>
    private async Task<bool> DeliverWithDeadlineAsync(MlflowClient client, CancellationToken token)
    {
        var earliest = _waiters.EarliestDeadlineMs;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
        if (earliest != long.MaxValue)
        {
            deadline.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, earliest - Environment.TickCount64 + InFlightGraceMs)));
        }

        try
        {
            return await DeliverWorkListAsync(client, earliest, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !token.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Delivers the work list in waves of up to <see cref="MlflowOptions.DeliveryConcurrency"/> runs, in list order
    /// (one at a time into a single-writer store). A wave ends before a run whose parent still awaits creation. After
    /// a wave with an unreachable store no further wave starts; runs not delivered keep their place.
    /// </summary>
    private async Task<bool> DeliverWorkListAsync(MlflowClient client, long stopByMs, CancellationToken cancellationToken)
    {
        var concurrency = (client.Store.Capabilities & MlflowStoreCapabilities.SingleWriter) != 0 ? 1 : Math.Max(1, _options.DeliveryConcurrency);
        var deliverable = new List<TrackedRun>(_workList.Count);
        foreach (var run in _workList)
        {
            if (!SpoolDelivery.MustSpool(run))
            {
                deliverable.Add(run);
            }
        }

        var ok = true;
        var next = 0;
        try
        {
            while (ok && next < deliverable.Count)
            {
                if (next > 0 && _spooling.Spool is not null && _spooling.LivePending() > _maxQueueLength)
                {
                    break; // callers outpace the store: let the pass move ended runs to the spool first
                }

                var waveStart = next;
                next++;
                while (next < deliverable.Count && next - waveStart < concurrency && deliverable[next].ParentRun is not { NeedsCreate: true })
                {
                    next++;
                }

                if (next - waveStart == 1)
                {
                    ok = await DeliverAndSettleAsync(client, deliverable[waveStart], stopByMs, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var deliveries = new Task<bool>[next - waveStart];
                for (var i = 0; i < deliveries.Length; i++)
                {
                    deliveries[i] = DeliverAndSettleAsync(client, deliverable[waveStart + i], stopByMs, cancellationToken);
                }

                foreach (var delivered in await Task.WhenAll(deliveries).ConfigureAwait(false))
                {
                    ok &= delivered;
                }
            }
        }
        finally
        {
            _workList.RemoveAll(static run => !run.InWorkList);
        }

        return ok;
    }

    /// <summary>
    /// Delivers one run; once all of it has arrived (and it is not open) it leaves the work list. A run creation left
    /// uncertain (its HTTP request is not retried blindly) is tried once more at once: look the run up, then create it.
    /// </summary>
    private async Task<bool> DeliverAndSettleAsync(MlflowClient client, TrackedRun run, long stopByMs, CancellationToken cancellationToken)
    {
        for (var attempt = 0; !await _protocol.DeliverAsync(client, run, stopByMs, cancellationToken).ConfigureAwait(false); attempt++)
        {
            if (attempt > 0 || !run.CreationUncertain || Environment.TickCount64 >= stopByMs || cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        run.InWorkList = false;
        return true;
    }

    private void RefuseAll()
    {
        foreach (var run in _workList)
        {
            _protocol.Refuse(run);
            run.InWorkList = false;
        }

        _workList.Clear();
    }

    private sealed class GateHandle(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
