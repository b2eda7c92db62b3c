using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Pipeline;
using Microsoft.Extensions.Logging;

namespace MLflow.Tracking;

/// <summary>The background worker: takes queued operations, groups them per run and delivers them.</summary>
public sealed partial class MlflowTracker
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // Worker state: only touched while _gate is held (the deliveries of one wave share the experiment cache).
    private readonly List<TrackedRun> _workList = new();
    private readonly List<TaskCompletionSource> _flushWaiters = new();
    private readonly ConcurrentDictionary<string, string> _experimentIds = new(StringComparer.Ordinal);
    private bool _storeOpenFailed;
    private int _inOutage; // 1 while the store is unreachable; deliveries of one wave may set it at once
    private volatile bool _hasWork;
    private volatile bool _backingOff;

    private async Task RunWorkerAsync()
    {
        var token = _stop.Token;
        var backoff = InitialBackoff;
        try
        {
            while (true)
            {
                if (!_hasWork && !await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    return;
                }

                bool delivered;
                var deliveredBefore = Interlocked.Read(ref _operationsDelivered);
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    delivered = await ProcessAsync(token).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }

                if (!delivered)
                {
                    // The backoff grows only while nothing gets through: a flapping store that still takes some of
                    // the data is retried at the initial pace.
                    if (Interlocked.Read(ref _operationsDelivered) != deliveredBefore)
                    {
                        backoff = InitialBackoff;
                    }

                    _backingOff = true;
                    await Task.Delay(backoff, token).ConfigureAwait(false);
                    backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                    continue;
                }

                _backingOff = false;
                backoff = InitialBackoff;
                if (!_synchronous && _options.BatchInterval > TimeSpan.Zero)
                {
                    // Let a batch accumulate; a flush, a run-id read or a full queue ends the pause early.
                    await _wakeSignal.WaitAsync(_options.BatchInterval, token).ConfigureAwait(false);
                    Interlocked.Exchange(ref _wakeRequested, 0);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposal stops the worker; DisposeAsync accounts for what is left.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "The MLflow tracking worker stopped unexpectedly; run data is no longer delivered.");
        }
    }

    /// <summary>Synchronous mode: deliver on the caller's thread before the tracked call goes on.</summary>
    private void DeliverNow()
    {
        if (_backingOff)
        {
            // The store is known to be down: the worker retries; the caller does not wait for it.
            return;
        }

        _gate.Wait();
        try
        {
            ProcessAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Delivering MLflow run data failed unexpectedly.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes everything queued, then delivers run by run. False when the store is unreachable (retry later).</summary>
    private async Task<bool> ProcessAsync(CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var operation))
        {
            Ingest(operation);
        }

        if (_workList.Count == 0)
        {
            CompleteFlushes();
            return true;
        }

        var client = OpenClient();
        if (client is null)
        {
            DropWorkList();
            CompleteFlushes();
            return true;
        }

        var ok = await DeliverWorkListAsync(client, cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            if (Interlocked.Exchange(ref _inOutage, 0) != 0)
            {
                _logger.LogInformation("The MLflow tracking store {Store} answers again; queued run data was delivered.", client.Store.Description);
            }

            CompleteFlushes();
        }

        return ok;
    }

    /// <summary>
    /// Delivers the work list in waves of up to <see cref="MlflowOptions.DeliveryConcurrency"/> runs, in list order.
    /// A wave ends before a run whose parent still awaits creation (its <c>mlflow.parentRunId</c> needs the parent's
    /// id). After a wave with an unreachable store no further wave starts; runs not delivered keep their place.
    /// </summary>
    private async Task<bool> DeliverWorkListAsync(MlflowClient client, CancellationToken cancellationToken)
    {
        // One writer suits SQLite: concurrent transactions there only wait on each other's locks.
        var concurrency = client.Store is Stores.Sqlite.SqliteMlflowStore ? 1 : _deliveryConcurrency;
        var ok = true;
        var next = 0;
        try
        {
            while (ok && next < _workList.Count)
            {
                var waveStart = next;
                next++;
                while (next < _workList.Count && next - waveStart < concurrency && _workList[next].ParentRun is not { NeedsCreate: true })
                {
                    next++;
                }

                if (next - waveStart == 1)
                {
                    ok = await DeliverAndSettleAsync(client, _workList[waveStart], cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var deliveries = new Task<bool>[next - waveStart];
                for (var i = 0; i < deliveries.Length; i++)
                {
                    deliveries[i] = DeliverAndSettleAsync(client, _workList[waveStart + i], cancellationToken);
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
            _hasWork = _workList.Count > 0;
        }

        return ok;
    }

    /// <summary>Delivers one run; once all of it has arrived it leaves the work list.</summary>
    private async Task<bool> DeliverAndSettleAsync(MlflowClient client, TrackedRun run, CancellationToken cancellationToken)
    {
        if (!await DeliverRunAsync(client, run, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        run.InWorkList = false;
        return true;
    }

    private void Ingest(in RunOperation operation)
    {
        var run = operation.Run;
        switch (operation.Kind)
        {
            case RunOperationKind.Flush:
                _flushWaiters.Add(operation.Flushed!);
                return;
            case RunOperationKind.Start:
                run!.NeedsCreate = true;
                break;
            case RunOperationKind.End:
                run!.PendingEndStatus = (RunStatus)operation.Step;
                run.PendingEndTime = operation.Timestamp;
                break;
            default:
                (run!.PendingData ??= new List<RunOperation>()).Add(operation);
                break;
        }

        if (!run.InWorkList)
        {
            run.InWorkList = true;
            _workList.Add(run);
            _hasWork = true;
        }
    }

    private MlflowClient? OpenClient()
    {
        if (_client is not null)
        {
            return _client;
        }

        try
        {
            _client = new MlflowClient(_options, _loggerFactory);
            _storeOpenFailed = false;
            return _client;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CountFailure();
            if (!_storeOpenFailed)
            {
                _storeOpenFailed = true;
                _logger.LogError(ex, "The MLflow tracking store could not be opened ({Options}); run data is dropped until it can.", _options.ToString());
            }

            return null;
        }
    }

    private void CompleteFlushes()
    {
        foreach (var waiter in _flushWaiters)
        {
            waiter.TrySetResult();
        }

        _flushWaiters.Clear();
    }

    private void DropWorkList()
    {
        foreach (var run in _workList)
        {
            DropRun(run);
            run.InWorkList = false;
        }

        _workList.Clear();
        _hasWork = false;
    }

    /// <summary>After the worker stopped: count what was never delivered.</summary>
    private void DropLeftovers()
    {
        if (!_gate.Wait(TimeSpan.Zero))
        {
            return;
        }

        try
        {
            while (_queue.Reader.TryRead(out var operation))
            {
                Ingest(operation);
            }

            var pending = Interlocked.Read(ref _pending);
            if (pending > 0)
            {
                _logger.LogError("MLflow tracking stopped with {Pending} run operations undelivered; they are dropped.", pending);
            }

            DropWorkList();
            CompleteFlushes();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops everything a run still has queued (counted, not logged item by item).</summary>
    private void DropRun(TrackedRun run)
    {
        var count = (run.NeedsCreate ? 1 : 0) + (run.PendingData?.Count ?? 0) + (run.PendingEndStatus is null ? 0 : 1);
        if (run.NeedsCreate)
        {
            run.PublishCreationError(new MlflowException($"The MLflow run '{run.RunName}' was not created: its data could not be delivered (see the log)."));
        }

        run.NeedsCreate = false;
        run.PendingData?.Clear();
        run.PendingEndStatus = null;
        if (count > 0)
        {
            CountDroppedFromQueue(count);
        }
    }
}
