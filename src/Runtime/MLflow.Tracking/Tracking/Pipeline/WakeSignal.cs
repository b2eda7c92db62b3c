using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Pipeline;

/// <summary>
/// Ends the worker's pause early. Reset before the worker reads the queue, so a wake that comes after the reset is
/// never lost.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = New();

    public Task Task => Volatile.Read(ref _signal).Task;

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref _signal);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, New(), current);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
