using System;

namespace MLflow.Tracking.Pipeline;

/// <summary>What a queued operation does. New kinds (artifacts, inputs) add a value and a <see cref="RunOperation.Payload"/>.</summary>
internal enum RunOperationKind : byte
{
    Start,
    Metric,
    Param,
    Tag,
    End,

    /// <summary>A control marker: a flush is waiting (<see cref="RunOperation.Payload"/> is its <see cref="FlushRequest"/>).</summary>
    Flush,

    /// <summary>A control marker: the process is crashing; open runs end FAILED (payload: the exception).</summary>
    Crash,

    /// <summary>A control marker: replay the spool now (payload: its <see cref="ReplayRequest"/>).</summary>
    Replay,

    /// <summary>Run data: an artifact or a dataset input (payload: its <see cref="RunAttachment"/>).</summary>
    Attachment,
}

/// <summary>
/// One queued run operation. A struct, so the queue stores it inline and logging a metric allocates nothing on the
/// caller's thread.
/// </summary>
internal readonly struct RunOperation
{
    private RunOperation(RunOperationKind kind, TrackedRun? run, string? key, string? text, double value, long step, DateTimeOffset timestamp, object? payload)
    {
        Kind = kind;
        Run = run;
        Key = key;
        Text = text;
        Value = value;
        Step = step;
        Timestamp = timestamp;
        Payload = payload;
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

    /// <summary>What a control marker (or a future operation kind) carries.</summary>
    public object? Payload { get; }

    /// <summary>Whether this is run data (kept, spooled or refused together with its run).</summary>
    public bool IsData => Kind is RunOperationKind.Metric or RunOperationKind.Param or RunOperationKind.Tag or RunOperationKind.Attachment;

    /// <summary>Whether this is a marker for the worker rather than something of a run.</summary>
    public bool IsControl => Kind is RunOperationKind.Flush or RunOperationKind.Crash or RunOperationKind.Replay;

    public static RunOperation Start(TrackedRun run) => new(RunOperationKind.Start, run, null, null, 0, 0, default, null);

    public static RunOperation Metric(TrackedRun run, string key, double value, long step, DateTimeOffset timestamp) =>
        new(RunOperationKind.Metric, run, key, null, value, step, timestamp, null);

    public static RunOperation Param(TrackedRun run, string key, string value) => new(RunOperationKind.Param, run, key, value, 0, 0, default, null);

    public static RunOperation Tag(TrackedRun run, string key, string value) => new(RunOperationKind.Tag, run, key, value, 0, 0, default, null);

    public static RunOperation End(TrackedRun run, RunStatus status, DateTimeOffset endTime) => new(RunOperationKind.End, run, null, null, 0, (long)status, endTime, null);

    public static RunOperation Attachment(TrackedRun run, RunAttachment attachment) => new(RunOperationKind.Attachment, run, null, null, 0, 0, default, attachment);

    public static RunOperation Control(RunOperationKind kind, object payload) => new(kind, null, null, null, 0, 0, default, payload);
}
