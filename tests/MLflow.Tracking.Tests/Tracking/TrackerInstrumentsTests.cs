using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class TrackerInstrumentsTests
{
    [Fact]
    public async Task Runs_and_delivered_operations_are_published_on_the_MLflow_Tracking_meter()
    {
        long started = 0;
        long delivered = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MLflow.Tracking")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "mlflow.tracking.runs.started")
            {
                Interlocked.Add(ref started, value);
            }
            else if (instrument.Name == "mlflow.tracking.operations.delivered")
            {
                Interlocked.Add(ref delivered, value);
            }
        });
        listener.Start();

        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("m", 1);
            return 0;
        });
        await harness.Tracker.FlushAsync();

        // The meter is process-wide and other tests run in parallel: at least this test's counts arrive.
        Assert.True(Interlocked.Read(ref started) >= 1);
        Assert.True(Interlocked.Read(ref delivered) >= 3);
    }
}
