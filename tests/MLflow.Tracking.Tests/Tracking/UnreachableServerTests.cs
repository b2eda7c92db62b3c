using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class UnreachableServerTests
{
    [Fact]
    public async Task Tracked_call_against_a_closed_loopback_port_returns_normally_and_flush_is_bounded()
    {
        var logs = new CapturingLoggerFactory();
        using var spool = new TempSpool();
        var options = new MlflowOptions
        {
            SpoolDirectory = spool.Root,
            TrackingUri = "http://127.0.0.1:" + ClosedPort(),
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            MaxRetries = 0,
            BackoffFactor = 0,
            BackoffJitter = 0,
            FlushTimeout = TimeSpan.FromMilliseconds(300),
        };
        await using var tracker = new BackgroundRunTracker(options, logs);

        var run = tracker.StartRun(TrackerHarness.Definition());
        run.LogParam("lr", "0.1");
        run.LogMetric("loss", 0.5);
        run.Complete();
        run.Dispose();
        await tracker.FlushAsync();

        Assert.True(tracker.IsEnabled);
        Assert.Equal(0, tracker.Statistics.OperationsDelivered);

        // The flush above is bounded, so it may return before the worker's first attempt has failed; wait (bounded)
        // for that attempt rather than assume its timing.
        await Eventually.UntilAsync(() => tracker.Statistics.DeliveryFailures > 0);
        Assert.True(tracker.Statistics.DeliveryFailures > 0);
        Assert.Equal(0, tracker.Statistics.OperationsDelivered);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
