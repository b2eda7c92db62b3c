using System;
using System.Threading.Tasks;

namespace MLflow.Tracking.Pipeline;

/// <summary>What a queued operation does.</summary>
internal enum RunOperationKind : byte
{
    Start,
    Metric,
    Param,
    Tag,
    End,
    Flush,
}

/// <summary>
/// One queued run operation. A struct, so the queue stores it inline and logging a metric allocates nothing on the
/// caller's thread.
/// </summary>
internal readonly struct RunOperation
{
    private RunOperation(RunOperationKind kind, TrackedRun? run, string? key, string? text, double value, long step, DateTimeOffset timestamp, TaskCompletionSource? flushed)
    {
        Kind = kind;
        Run = run;
        Key = key;
        Text = text;
        Value = value;
        Step = step;
        Timestamp = timestamp;
        Flushed = flushed;
    }

    public RunOperationKind Kind { get; }

    public TrackedRun? Run { get; }

    public string? Key { get; }

    /// <summary>The param or tag value.</summary>
    public string? Text { get; }

    /// <summary>The metric value.</summary>
    public double Value { get; }

    /// <summary>The metric step, or the <see cref="RunStatus"/> of an end.</summary>
    public long Step { get; }

    /// <summary>The metric's timestamp or the end time.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Completed when a flush marker is reached and everything before it is settled.</summary>
    public TaskCompletionSource? Flushed { get; }

    /// <summary>Whether the queue may drop this under pressure (data; never lifecycle).</summary>
    public bool IsDroppable => Kind is RunOperationKind.Metric or RunOperationKind.Param or RunOperationKind.Tag;

    public static RunOperation Start(TrackedRun run) => new(RunOperationKind.Start, run, null, null, 0, 0, default, null);

    public static RunOperation Metric(TrackedRun run, string key, double value, long step, DateTimeOffset timestamp) =>
        new(RunOperationKind.Metric, run, key, null, value, step, timestamp, null);

    public static RunOperation Param(TrackedRun run, string key, string value) => new(RunOperationKind.Param, run, key, value, 0, 0, default, null);

    public static RunOperation Tag(TrackedRun run, string key, string value) => new(RunOperationKind.Tag, run, key, value, 0, 0, default, null);

    public static RunOperation End(TrackedRun run, RunStatus status, DateTimeOffset endTime) => new(RunOperationKind.End, run, null, null, 0, (long)status, endTime, null);

    public static RunOperation Flush(TaskCompletionSource flushed) => new(RunOperationKind.Flush, null, null, null, 0, 0, default, flushed);
}
