using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.TestSupport;

/// <summary>
/// A synchronous, in-memory <see cref="IRunTracker"/> that records each run's definition, params, metrics, tags and
/// end status exactly as the tracked code reported them, so behaviour tests can assert on them without a store.
/// </summary>
public sealed class RecordingRunTracker : IRunTracker
{
    private readonly ConcurrentQueue<RecordedRun> _runs = new();
    private int _flushCount;

    /// <inheritdoc/>
    public bool IsEnabled { get; set; } = true;

    /// <summary>When set, <see cref="StartRun"/> throws it (a broken tracker).</summary>
    public Exception? StartRunFailure { get; set; }

    /// <summary>Every run started, in start order.</summary>
    public IReadOnlyList<RecordedRun> Runs => _runs.ToArray();

    /// <summary>How often <see cref="FlushAsync"/> was called.</summary>
    public int FlushCount => Volatile.Read(ref _flushCount);

    /// <summary>The only run; fails when there is not exactly one.</summary>
    public RecordedRun SingleRun() => Assert.Single(Runs);

    /// <inheritdoc/>
    public TrackedRunScope StartRun(TrackedRunDefinition definition)
    {
        if (StartRunFailure is { } failure)
        {
            throw failure;
        }

        var run = new RecordedRun(definition, ActiveRun.Current as RecordedRun);
        _runs.Enqueue(run);
        return run;
    }

    /// <inheritdoc/>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _flushCount);
        return Task.CompletedTask;
    }
}

/// <summary>One run a <see cref="RecordingRunTracker"/> recorded.</summary>
public sealed class RecordedRun : TrackedRunScope
{
    private static int _nextId;
    private readonly object _gate = new();
    private readonly List<KeyValuePair<string, string>> _params = new();
    private readonly List<Metric> _metrics = new();
    private readonly List<Tag> _tags = new();
    private readonly List<KeyValuePair<string, Exception>> _readFailures = new();
    private readonly Dictionary<string, string> _artifacts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RunStatus> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActiveRun? _previous;
    private bool _disposed;

    internal RecordedRun(TrackedRunDefinition definition, RecordedRun? parent)
    {
        Definition = definition;
        ParentRun = parent;
        RunIdValue = "run" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _previous = SwapCurrent(this);
    }

    /// <summary>The definition the run was started with.</summary>
    public TrackedRunDefinition Definition { get; }

    /// <summary>The run this one is nested in.</summary>
    public RecordedRun? ParentRun { get; }

    /// <summary>Running until ended, then Finished, Failed or Killed.</summary>
    public RunStatus Status { get; private set; } = RunStatus.Running;

    /// <summary>The exception passed to <see cref="Fail"/>.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Completes with the final status when the run ends.</summary>
    public Task<RunStatus> Ended => _ended.Task;

    /// <summary>Whether <see cref="Dispose"/> ran.</summary>
    public bool Disposed => _disposed;

    /// <summary>Params in logging order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Params { get { lock (_gate) { return _params.ToArray(); } } }

    /// <summary>Params by key.</summary>
    public IReadOnlyDictionary<string, string> ParamMap => Params.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Metric points in logging order.</summary>
    public IReadOnlyList<Metric> Metrics { get { lock (_gate) { return _metrics.ToArray(); } } }

    /// <summary>The latest value of each metric.</summary>
    public IReadOnlyDictionary<string, double> MetricMap => Metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    /// <summary>Tags set while running (the definition's constant tags are in <see cref="Definition"/>).</summary>
    public IReadOnlyList<Tag> Tags { get { lock (_gate) { return _tags.ToArray(); } } }

    /// <summary>Tags by key (latest value).</summary>
    public IReadOnlyDictionary<string, string> TagMap => Tags.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private string RunIdValue { get; }

    /// <inheritdoc/>
    public override string RunId => RunIdValue;

    /// <inheritdoc/>
    public override string? ExperimentId => "1";

    /// <inheritdoc/>
    public override string? ExperimentName => Definition.ExperimentName;

    /// <inheritdoc/>
    public override string RunName => Definition.RunName;

    /// <inheritdoc/>
    public override ActiveRun? Parent => ParentRun;

    /// <inheritdoc/>
    public override ValueTask<string> GetRunIdAsync(CancellationToken cancellationToken = default) => new(RunIdValue);

    /// <inheritdoc/>
    public override void LogMetric(string key, double value, long step = 0, DateTimeOffset? timestamp = null)
    {
        lock (_gate)
        {
            _metrics.Add(new Metric(key, value, timestamp ?? DateTimeOffset.UtcNow, step));
        }
    }

    /// <inheritdoc/>
    public override void LogParam(string key, string value)
    {
        lock (_gate)
        {
            _params.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    /// <summary>The artifacts logged, by path: UTF-8 text and bytes as they would be uploaded, files as <c>file:</c> and their name.</summary>
    public IReadOnlyDictionary<string, string> Artifacts { get { lock (_gate) { return new Dictionary<string, string>(_artifacts); } } }

    /// <inheritdoc/>
    public override void LogText(string text, string artifactFile) => AddArtifact(artifactFile, "text:" + text);

    /// <inheritdoc/>
    protected override void LogArtifactContent(byte[] content, string artifactFile) => AddArtifact(artifactFile, "bytes:" + Convert.ToHexString(content));

    /// <inheritdoc/>
    protected override void LogArtifactFile(string fullPath, string artifactFile) => AddArtifact(artifactFile, "file:" + System.IO.Path.GetFileName(fullPath));

    /// <summary>The keys whose values could not be read (a getter or ToString threw), with what was thrown.</summary>
    public IReadOnlyList<KeyValuePair<string, Exception>> ReadFailures { get { lock (_gate) { return _readFailures.ToArray(); } } }

    private void AddArtifact(string artifactFile, string content)
    {
        lock (_gate)
        {
            _artifacts[artifactFile] = content;
        }
    }

    /// <inheritdoc/>
    public override void ReportReadFailure(string key, Exception exception)
    {
        lock (_gate)
        {
            _readFailures.Add(new KeyValuePair<string, Exception>(key, exception));
        }
    }

    /// <inheritdoc/>
    public override void SetTag(string key, string value)
    {
        lock (_gate)
        {
            _tags.Add(new Tag(key, value));
        }
    }

    /// <inheritdoc/>
    public override void Complete() => End(RunStatus.Finished);

    /// <inheritdoc/>
    public override bool Fail(Exception exception)
    {
        Error = exception;
        if (exception is OperationCanceledException)
        {
            End(RunStatus.Killed);
        }
        else
        {
            SetTag("error.type", exception.GetType().FullName ?? exception.GetType().Name);
            SetTag("error.message", exception.Message);
            End(RunStatus.Failed);
        }

        return false;
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        End(RunStatus.Finished);
        SwapCurrent(_previous);
    }

    private void End(RunStatus status)
    {
        lock (_gate)
        {
            if (Status != RunStatus.Running)
            {
                return;
            }

            Status = status;
        }

        _ended.TrySetResult(status);
    }
}
