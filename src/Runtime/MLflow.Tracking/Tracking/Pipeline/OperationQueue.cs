using System.Threading.Channels;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// The memory queue between tracked calls and the worker. Accepting an operation is two interlocked adds and a
/// channel write; nothing is ever dropped here: past <see cref="MlflowOptions.MaxQueueLength"/> the worker moves
/// whole ended runs to the spool instead.
/// </summary>
internal sealed class OperationQueue
{
    // Once this many operations wait, the worker is woken before the batch interval ends.
    private const int EarlyWakeThreshold = 1000;

    private readonly Channel<RunOperation> _channel = Channel.CreateUnbounded<RunOperation>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly DeliveryCounters _counters;
    private readonly long _maxLength;

    public OperationQueue(DeliveryCounters counters, int maxLength)
    {
        _counters = counters;
        _maxLength = maxLength;
    }

    public WakeSignal Wake { get; } = new();

    public ChannelReader<RunOperation> Reader => _channel.Reader;

    /// <summary>Accepts a run operation; false after <see cref="Complete"/> (counted as refused).</summary>
    public bool TryAdd(in RunOperation operation)
    {
        var pending = _counters.Queued();
        if (!_channel.Writer.TryWrite(operation))
        {
            _counters.AddRefused(1);
            return false;
        }

        if (pending == EarlyWakeThreshold || pending == _maxLength)
        {
            Wake.Set();
        }

        return true;
    }

    /// <summary>Queues a marker for the worker (not a run operation, so not counted) and wakes it.</summary>
    public bool TryAddControl(in RunOperation marker)
    {
        if (!_channel.Writer.TryWrite(marker))
        {
            return false;
        }

        Wake.Set();
        return true;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
