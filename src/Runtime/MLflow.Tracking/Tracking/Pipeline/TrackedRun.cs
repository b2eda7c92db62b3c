using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The run of one tracked call of a <see cref="MlflowTracker"/>. The caller's thread only records times and queues
/// operations; the tracker's worker creates the run and publishes its id here.
/// </summary>
internal sealed class TrackedRun : TrackedRunScope
{
    private const int Open = 0;
    private const int Ended = 1;

    private readonly MlflowTracker _tracker;
    private readonly ActiveRun? _previous;
    private readonly TrackedRun? _parent;
    private string? _runId;
    private string? _experimentId;
    private Exception? _creationError;
    private TaskCompletionSource<string>? _idKnown;
    private int _state;
    private int _disposed;

    internal TrackedRun(MlflowTracker tracker, TrackedRunDefinition definition, TrackedRun? parent, string? attachedRunId, ActiveRun? previous, DateTimeOffset startTime)
    {
        _tracker = tracker;
        Definition = definition;
        _parent = parent;
        _previous = previous;
        StartTime = startTime;
        IsAttached = attachedRunId is not null;
        _runId = attachedRunId;
    }

    /// <summary>What the tracked method declares.</summary>
    internal TrackedRunDefinition Definition { get; }

    /// <summary>When the call began (caller's clock).</summary>
    internal DateTimeOffset StartTime { get; }

    /// <summary>Logging into an existing run (<c>MLFLOW_RUN_ID</c>): nothing is created and nothing is terminated.</summary>
    internal bool IsAttached { get; }

    /// <summary>The parent run as the worker sees it.</summary>
    internal TrackedRun? ParentRun => _parent;

    /// <summary>The id once known, without waiting.</summary>
    internal string? KnownRunId => Volatile.Read(ref _runId);

    /// <summary>Why the run could not be created, once the worker gave up.</summary>
    internal Exception? CreationError => Volatile.Read(ref _creationError);

    // Worker-only state: touched only while the tracker's delivery gate is held.
    internal bool NeedsCreate { get; set; }

    internal bool InWorkList { get; set; }

    internal List<RunOperation>? PendingData { get; set; }

    internal RunStatus? PendingEndStatus { get; set; }

    internal DateTimeOffset PendingEndTime { get; set; }

    internal bool AttachmentResolved { get; set; }

    /// <inheritdoc/>
    public override string RunId
    {
        get
        {
            var id = KnownRunId;
            if (id is not null)
            {
                return id;
            }

            var waiter = GetIdWaiter();
            _tracker.Wake();
            try
            {
                if (!waiter.Task.Wait(_tracker.FlushTimeout))
                {
                    throw new MlflowException($"The MLflow run '{RunName}' was not created within the flush timeout ({_tracker.FlushTimeout.TotalSeconds:0.###} s); the tracking store may be unreachable.");
                }
            }
            catch (AggregateException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException as MlflowException ?? new MlflowException($"The MLflow run '{RunName}' could not be created.", ex.InnerException);
            }

            return waiter.Task.Result;
        }
    }

    /// <inheritdoc/>
    public override string? ExperimentId => Volatile.Read(ref _experimentId);

    /// <inheritdoc/>
    public override string? ExperimentName => Definition.ExperimentName;

    /// <inheritdoc/>
    public override string RunName => Definition.RunName;

    /// <inheritdoc/>
    public override ActiveRun? Parent => _parent;

    /// <summary>Whether the run has been ended (by Complete, Fail or Dispose).</summary>
    internal bool IsEnded => Volatile.Read(ref _state) == Ended;

    /// <inheritdoc/>
    public override ValueTask<string> GetRunIdAsync(CancellationToken cancellationToken = default)
    {
        var id = KnownRunId;
        if (id is not null)
        {
            return new ValueTask<string>(id);
        }

        var waiter = GetIdWaiter();
        _tracker.Wake();
        return new ValueTask<string>(waiter.Task.WaitAsync(cancellationToken));
    }

    /// <inheritdoc/>
    public override void LogMetric(string key, double value, long step = 0, DateTimeOffset? timestamp = null) =>
        _tracker.Enqueue(RunOperation.Metric(this, key, value, step, timestamp ?? DateTimeOffset.UtcNow));

    /// <inheritdoc/>
    public override void LogParam(string key, string value) => _tracker.Enqueue(RunOperation.Param(this, key, value));

    /// <inheritdoc />
    public override void ReportReadFailure(string key, Exception exception) => _tracker.ReportReadFailure(this, key, exception);

    /// <inheritdoc/>
    public override void SetTag(string key, string value) => _tracker.Enqueue(RunOperation.Tag(this, key, value));

    /// <inheritdoc/>
    public override void Complete() => End(RunStatus.Finished);

    /// <inheritdoc/>
    public override bool Fail(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            End(RunStatus.Killed);
            return false;
        }

        if (exception is not null && !IsEnded)
        {
            SetTag("error.type", exception.GetType().FullName ?? exception.GetType().Name);
            SetTag("error.message", Truncate(exception.Message));
        }

        End(RunStatus.Failed);
        return false;
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        End(RunStatus.Finished);
        SwapCurrent(_previous);
    }

    /// <summary>Whether <paramref name="tracker"/> started this run (only those can be parents of its runs).</summary>
    internal bool BelongsTo(MlflowTracker tracker) => ReferenceEquals(_tracker, tracker);

    /// <summary>Makes this run current on the caller's flow (done once, by the tracker).</summary>
    internal void MakeCurrent() => SwapCurrent(this);

    /// <summary>The worker publishes the id of the created run.</summary>
    internal void PublishRunId(string runId, string experimentId)
    {
        Volatile.Write(ref _experimentId, experimentId);
        Interlocked.Exchange(ref _runId, runId); // a full fence: pairs with the waiter's install in GetIdWaiter
        Volatile.Read(ref _idKnown)?.TrySetResult(runId);
    }

    /// <summary>The worker publishes the experiment of an attached run.</summary>
    internal void PublishExperimentId(string experimentId) => Volatile.Write(ref _experimentId, experimentId);

    /// <summary>The worker gave up creating the run.</summary>
    internal void PublishCreationError(Exception error)
    {
        Interlocked.Exchange(ref _creationError, error);
        Volatile.Read(ref _idKnown)?.TrySetException(error);
    }

    private static string Truncate(string message) => message.Length <= 1000 ? message : string.Concat(message.AsSpan(0, 997), "...");

    private void End(RunStatus status)
    {
        if (Interlocked.CompareExchange(ref _state, Ended, Open) != Open)
        {
            return;
        }

        _tracker.OnRunEnded(this, status, DateTimeOffset.UtcNow);
    }

    private TaskCompletionSource<string> GetIdWaiter()
    {
        var waiter = Volatile.Read(ref _idKnown);
        if (waiter is null)
        {
            var created = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiter = Interlocked.CompareExchange(ref _idKnown, created, null) ?? created;
        }

        // The worker may have published between the first read and installing the waiter.
        if (KnownRunId is { } id)
        {
            waiter.TrySetResult(id);
        }
        else if (CreationError is { } error)
        {
            waiter.TrySetException(error);
        }

        return waiter;
    }
}
