using System.Threading;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// Where every run operation of a tracker went. Each accepted (or restored) operation is pending until it is
/// delivered, spooled or refused, so Queued + Restored = Delivered + Spooled + Refused + Pending at any quiet moment.
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
        Interlocked.Add(ref _restored, count);
        Interlocked.Add(ref _pending, count);
    }

    public void AddDelivered(int count)
    {
        Interlocked.Add(ref _delivered, count);
        Interlocked.Add(ref _pending, -count);
        TrackingInstruments.OperationsDelivered.Add(count);
    }

    public void AddSpooled(int count)
    {
        Interlocked.Add(ref _spooled, count);
        Interlocked.Add(ref _pending, -count);
    }

    /// <summary>Pending operations given up on.</summary>
    public void AddRefused(int count)
    {
        Interlocked.Add(ref _pending, -count);
        RefusedUnqueued(count);
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

    public RunTrackerStatistics Snapshot() => new(
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
