using System;
using System.Threading.Tasks;

namespace MLflow.Tracking.Pipeline;

/// <summary>A waiting flush: its deadline and the counts when it began, so its result covers its own window.</summary>
internal sealed class FlushRequest
{
    public FlushRequest(long deadlineMs, DeliveryCounters counters)
    {
        DeadlineMs = deadlineMs;
        DeliveredBefore = counters.Delivered;
        SpooledBefore = counters.Spooled - counters.Restored;
        RefusedBefore = counters.Refused;
    }

    /// <summary>On <see cref="Environment.TickCount64"/>'s clock.</summary>
    public long DeadlineMs { get; }

    public long DeliveredBefore { get; }

    public long SpooledBefore { get; }

    public long RefusedBefore { get; }

    public TaskCompletionSource<FlushResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FlushResult ResultNow(DeliveryCounters counters, bool timedOut) => new(
        counters.Delivered - DeliveredBefore,
        Math.Max(0, counters.Spooled - counters.Restored - SpooledBefore),
        counters.Refused - RefusedBefore,
        counters.Pending,
        timedOut);
}

/// <summary>A waiting spool replay and what it has settled so far.</summary>
internal sealed class ReplayRequest
{
    public TaskCompletionSource<SpoolReplayResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Files { get; set; }

    public int Runs { get; set; }

    public long Operations { get; set; }
}

/// <summary>A crash marker's payload: what the open runs are failed with (type and message, never the stack).</summary>
internal sealed record CrashInfo(string ErrorType, string ErrorMessage);
