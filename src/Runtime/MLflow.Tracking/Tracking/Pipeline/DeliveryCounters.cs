using System.Threading;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// Where every run operation of a tracker went. Each accepted (or restored) operation is pending until it is
/// delivered, spooled or refused, so Queued + Restored = Delivered + Spooled + Refused + Pending at any quiet moment.
/// The worker's moves of operations out of (or back into) Pending and the snapshots a flush or the statistics take
/// share one lock, so a snapshot never sees an operation counted as delivered but still pending, or in neither (an
/// in-flight delivery may finish while a flush answers). Queued, on the caller's thread, stays lock-free: it only adds.
/// </summary>
internal sealed class DeliveryCounters
{
    private long _runsStarted;
    private long _runsFinished;
    private long _queued;
    private long _restored;
    private long _delivered;
    private long _spooled;
    private long _refused;
    private long _failures;
    private long _pending;
    private readonly object _settling = new();

    public long Pending => Interlocked.Read(ref _pending);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Spooled => Interlocked.Read(ref _spooled);

    public long Refused => Interlocked.Read(ref _refused);

    public long Restored => Interlocked.Read(ref _restored);

    public void RunStarted()
    {
        Interlocked.Increment(ref _runsStarted);
        TrackingInstruments.RunsStarted.Add(1);
    }

    public void RunFinished()
    {
        Interlocked.Increment(ref _runsFinished);
        TrackingInstruments.RunsFinished.Add(1);
    }

    /// <summary>An operation entered the queue; returns how many now wait.</summary>
    public long Queued(int count = 1)
    {
        Interlocked.Add(ref _queued, count);
        return Interlocked.Add(ref _pending, count);
    }

    /// <summary>Operations read back from the spool into the work list.</summary>
    public void AddRestored(int count)
    {
        lock (_settling)
        {
            Interlocked.Add(ref _restored, count);
            Interlocked.Add(ref _pending, count);
        }
    }

    public void AddDelivered(int count)
    {
        lock (_settling)
        {
            Interlocked.Add(ref _delivered, count);
            Interlocked.Add(ref _pending, -count);
        }

        TrackingInstruments.OperationsDelivered.Add(count);
    }

    public void AddSpooled(int count)
    {
        lock (_settling)
        {
            Interlocked.Add(ref _spooled, count);
            Interlocked.Add(ref _pending, -count);
        }
    }

    /// <summary>Pending operations given up on.</summary>
    public void AddRefused(int count)
    {
        lock (_settling)
        {
            Interlocked.Add(ref _pending, -count);
            Interlocked.Add(ref _refused, count);
        }

        TrackingInstruments.OperationsDropped.Add(count);
    }

    /// <summary>Operations refused before they were ever queued (after disposal).</summary>
    public void RefusedUnqueued(int count)
    {
        Interlocked.Add(ref _refused, count);
        TrackingInstruments.OperationsDropped.Add(count);
    }

    public void Failure()
    {
        Interlocked.Increment(ref _failures);
        TrackingInstruments.DeliveryFailures.Add(1);
    }

    /// <summary>Delivered, spooled, restored, refused and pending, read as one consistent moment.</summary>
    public SettledCounts Settled()
    {
        lock (_settling)
        {
            return new SettledCounts(Delivered, Spooled, Restored, Refused, Pending);
        }
    }

    public RunTrackerStatistics Snapshot()
    {
        lock (_settling)
        {
            return new(
                Interlocked.Read(ref _runsStarted),
                Interlocked.Read(ref _runsFinished),
                Interlocked.Read(ref _queued),
                Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _refused),
                Interlocked.Read(ref _failures),
                Interlocked.Read(ref _pending),
                Interlocked.Read(ref _spooled),
                Interlocked.Read(ref _restored));
        }
    }
}

/// <summary>One consistent reading of <see cref="DeliveryCounters"/>' outcome counts.</summary>
internal readonly record struct SettledCounts(long Delivered, long Spooled, long Restored, long Refused, long Pending);
