using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The run of one tracked call of a <see cref="BackgroundRunTracker"/>. The caller's thread only records times and queues
/// operations; the tracker's worker creates the run and publishes its id here.
/// </summary>
internal sealed class TrackedRun : TrackedRunScope
{
    private const int Open = 0;
    private const int Ended = 1;

    private readonly BackgroundRunTracker _tracker;
    private readonly ActiveRun? _previous;
    private readonly TrackedRun? _parent;
    private string? _runId;
    private string? _experimentId;
    private Exception? _creationError;
    private TaskCompletionSource<string>? _idKnown;
    private SystemMetrics.SystemMetricsSampler? _systemMetrics;
    private int _state;
    private int _disposed;

    internal TrackedRun(BackgroundRunTracker tracker, TrackedRunDefinition definition, TrackedRun? parent, string? attachedRunId, ActiveRun? previous, DateTimeOffset startTime)
    {
        _tracker = tracker;
        Definition = definition;
        _parent = parent;
        _previous = previous;
        StartTime = startTime;
        IsAttached = attachedRunId is not null;
        _runId = attachedRunId;
    }

    private TrackedRun(BackgroundRunTracker tracker, TrackedRunDefinition definition, TrackedRun? parent, DateTimeOffset startTime, bool attached, string? runId)
    {
        _tracker = tracker;
        Definition = definition;
        _parent = parent;
        StartTime = startTime;
        IsAttached = attached;
        _runId = runId;
        _state = Ended; // a run read back from the spool belongs to a process that is gone: nothing logs into it any more
        _disposed = 1;
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

    /// <summary>Some of this run went to the spool: everything after it goes there too, so its order holds.</summary>
    internal bool Spooled { get; set; }

    /// <summary>The run's client-side key in the spool (given when it is first spooled), mapped to the server's id at replay.</summary>
    internal string? SpoolKey { get; set; }

    /// <summary>Read back from a spool file (see <see cref="Spool.SpoolLease"/>); settled once delivered, spooled again or refused.</summary>
    internal Spool.SpoolLease? SourceLease { get; set; }

    /// <summary>For a run read back from the spool: the creation tags computed by the process that tracked it.</summary>
    internal IReadOnlyList<Tag>? RestoredCreationTags { get; set; }

    /// <summary>For a run read back from the spool: its parent's server id, when the parent was created before.</summary>
    internal string? RestoredParentRunId { get; set; }

    /// <summary>The experiment id resolved when the run was spooled (<c>MLFLOW_EXPERIMENT_ID</c> of that process).</summary>
    internal string? FixedExperimentId { get; set; }

    /// <summary>Whether there is anything of this run the store has not taken yet.</summary>
    internal bool HasPendingWork => NeedsCreate || PendingData is { Count: > 0 } || PendingEndStatus is not null;

    /// <summary>Operations of this run still waiting in the work list.</summary>
    internal int PendingCount => (NeedsCreate ? 1 : 0) + (PendingData?.Count ?? 0) + (PendingEndStatus is null ? 0 : 1);

    /// <summary>A run read back from the spool, already ended.</summary>
    internal static TrackedRun Restore(BackgroundRunTracker tracker, TrackedRunDefinition definition, TrackedRun? parent, DateTimeOffset startTime, bool attached, string? runId) =>
        new(tracker, definition, parent, startTime, attached, runId);

    /// <summary>Ends the run on the worker's side (the process is crashing); false when the caller already ended it.</summary>
    internal bool TryEndFromWorker() => Interlocked.CompareExchange(ref _state, Ended, Open) == Open;

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
    public override void LogArtifact(string localPath, string? artifactPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        _tracker.Enqueue(RunOperation.Attachment(this, new FileAttachment(System.IO.Path.GetFullPath(localPath), artifactPath)));
    }

    /// <inheritdoc/>
    public override void LogArtifacts(string localDirectory, string? artifactPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localDirectory);
        _tracker.Enqueue(RunOperation.Attachment(this, new DirectoryAttachment(System.IO.Path.GetFullPath(localDirectory), artifactPath)));
    }

    /// <inheritdoc/>
    public override void LogText(string text, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(artifactFile);
        _tracker.Enqueue(RunOperation.Attachment(this, new TextAttachment(text, artifactFile)));
    }

    /// <inheritdoc/>
    public override void LogDict(System.Text.Json.Nodes.JsonNode? value, string artifactFile)
    {
        ArgumentNullException.ThrowIfNull(artifactFile);
        _tracker.Enqueue(RunOperation.Attachment(this, new TextAttachment(ArtifactsClient.RenderJson(value, artifactFile), artifactFile)));
    }

    /// <inheritdoc/>
    public override void LogInput(Datasets.Dataset dataset, string? context = null, IEnumerable<KeyValuePair<string, string>>? tags = null) =>
        _tracker.Enqueue(RunOperation.Attachment(this, new InputAttachment(Datasets.DatasetInput.Create(dataset, context, tags))));

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
    internal bool BelongsTo(BackgroundRunTracker tracker) => ReferenceEquals(_tracker, tracker);

    /// <summary>Makes this run current on the caller's flow (done once, by the tracker).</summary>
    internal void MakeCurrent() => SwapCurrent(this);

    /// <summary>
    /// Samples system metrics into this run until it ends. The points go through the run's pipeline like
    /// <see cref="LogMetric"/> (in order, retried, spooled), so the sampler never waits for the store.
    /// </summary>
    internal void StartSystemMetrics(SystemMetrics.SystemMetricsOptions options, Microsoft.Extensions.Logging.ILogger logger)
    {
        _systemMetrics = SystemMetrics.SystemMetricsSampler.Start(
            options,
            (metrics, _) =>
            {
                foreach (var metric in metrics)
                {
                    LogMetric(metric.Key, metric.Value, metric.Step, metric.Timestamp);
                }

                return Task.CompletedTask;
            },
            logger);
    }

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

        // Stopped before the end is queued, so its last points precede the termination. Stopping only cancels the
        // timer and waits for a batch being enqueued (its sink never waits for the store).
        Interlocked.Exchange(ref _systemMetrics, null)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
