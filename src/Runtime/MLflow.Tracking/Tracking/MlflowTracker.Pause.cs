using System;
using System.Threading;

namespace MLflow.Tracking;

/// <summary>Holding delivery back, so benchmarks can measure what the caller's thread alone pays.</summary>
public sealed partial class MlflowTracker
{
    /// <summary>Stops delivery until the returned handle is disposed; operations keep queueing meanwhile.</summary>
    internal IDisposable PauseDelivery()
    {
        _gate.Wait();
        return new DeliveryPause(_gate);
    }

    private sealed class DeliveryPause(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
