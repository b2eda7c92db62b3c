using System;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Tests.DependencyInjection;

/// <summary>A tracker that only counts flushes; <see cref="BlockFlush"/> makes a flush wait until cancelled.</summary>
internal sealed class StubRunTracker : IRunTracker, IDisposable
{
    private int _flushes;

    public bool IsEnabled => true;

    public bool BlockFlush { get; init; }

    public int Flushes => Volatile.Read(ref _flushes);

    public bool FlushWasCancelled { get; private set; }

    public bool Disposed { get; private set; }

    public TrackedRunScope StartRun(TrackedRunDefinition definition) => throw new NotSupportedException("Not used by these tests.");

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _flushes);
        if (BlockFlush)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                FlushWasCancelled = true;
                throw;
            }
        }
    }

    public void Dispose() => Disposed = true;
}
