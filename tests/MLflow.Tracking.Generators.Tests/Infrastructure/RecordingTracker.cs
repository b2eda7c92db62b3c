using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Generators.Tests.Infrastructure;

/// <summary>
/// A small IRunTracker that records what generated wrappers do (MlflowFake lives in MLflow.Tracking.Testing; this
/// one keeps the generator's tests independent of it). Install it for one test's async flow with
/// <see cref="MlflowTracking.UseTracker"/>.
/// </summary>
internal sealed class RecordingTracker : IRunTracker
{
    private readonly ConcurrentQueue<RecordedRun> _runs = new();
    private int _started;

    public RecordingTracker(bool enabled = true) => IsEnabled = enabled;

    public bool IsEnabled { get; }

    public int StartCount => Volatile.Read(ref _started);

    public IReadOnlyList<RecordedRun> Runs => _runs.ToList();

    public RecordedRun Single() => Assert.Single(Runs);

    public TrackedRunScope StartRun(TrackedRunDefinition definition)
    {
        Interlocked.Increment(ref _started);
        var run = new RecordedRun(definition, ActiveRun.Current);
        _runs.Enqueue(run);
        return run;
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>One recorded run: what was logged and how it ended.</summary>
internal sealed class RecordedRun : TrackedRunScope
{
    private static int _nextId;
    private readonly object _gate = new();
    private readonly List<KeyValuePair<string, string>> _params = new();
    private readonly List<(string Key, double Value, long Step)> _metrics = new();
    private readonly List<KeyValuePair<string, string>> _tags = new();
    private readonly ActiveRun? _previous;

    public RecordedRun(TrackedRunDefinition definition, ActiveRun? parent)
    {
        Definition = definition;
        Parent = parent;
        RunId = "run-" + Interlocked.Increment(ref _nextId);
        _previous = SwapCurrent(this);
    }

    public TrackedRunDefinition Definition { get; }

    public RunStatus Status { get; private set; } = RunStatus.Running;

    public Exception? Failure { get; private set; }

    public int DisposeCount { get; private set; }

    public override string RunId { get; }

    public override string? ExperimentId => "0";

    public override string? ExperimentName => Definition.ExperimentName;

    public override string RunName => Definition.RunName;

    public override ActiveRun? Parent { get; }

    public IReadOnlyDictionary<string, string> Params
    {
        get
        {
            lock (_gate)
            {
                return _params.ToDictionary(p => p.Key, p => p.Value);
            }
        }
    }

    public IReadOnlyList<string> ParamKeys
    {
        get
        {
            lock (_gate)
            {
                return _params.Select(p => p.Key).ToList();
            }
        }
    }

    public IReadOnlyList<(string Key, double Value, long Step)> Metrics
    {
        get
        {
            lock (_gate)
            {
                return _metrics.ToList();
            }
        }
    }

    public IReadOnlyDictionary<string, string> Tags
    {
        get
        {
            lock (_gate)
            {
                return _tags.ToDictionary(p => p.Key, p => p.Value);
            }
        }
    }

    public override ValueTask<string> GetRunIdAsync(CancellationToken cancellationToken = default) => new(RunId);

    public override void LogMetric(string key, double value, long step = 0, DateTimeOffset? timestamp = null)
    {
        lock (_gate)
        {
            _metrics.Add((key, value, step));
        }
    }

    public override void LogParam(string key, string value)
    {
        lock (_gate)
        {
            _params.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    public override void SetTag(string key, string value)
    {
        lock (_gate)
        {
            _tags.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    public override void Complete()
    {
        if (Status == RunStatus.Running)
        {
            Status = RunStatus.Finished;
        }
    }

    public override bool Fail(Exception exception)
    {
        Failure = exception;
        Status = exception is OperationCanceledException ? RunStatus.Killed : RunStatus.Failed;
        return false;
    }

    public override void Dispose()
    {
        DisposeCount++;
        Complete();
        SwapCurrent(_previous);
    }
}
