using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class TrackerModeTests
{
    [Fact]
    public async Task Synchronous_mode_delivers_before_the_call_returns()
    {
        await using var harness = new TrackerHarness(o =>
        {
            o.Synchronous = true;
            o.BatchInterval = TimeSpan.FromMinutes(5);
        });

        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("m", 1);
            return 0;
        });

        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Single(run.Metrics);
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public async Task Synchronous_mode_with_a_store_that_is_down_does_not_throw()
    {
        await using var harness = new TrackerHarness(o =>
        {
            o.Synchronous = true;
            o.FlushTimeout = TimeSpan.FromMilliseconds(50);
        });
        harness.Store.AlwaysFail = () => new MlflowNetworkException("down");

        var result = harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("m", 1);
            return 7;
        });

        Assert.Equal(7, result);
    }

    [Fact]
    public async Task Disabled_tracker_reports_IsEnabled_false_and_records_nothing()
    {
        await using var harness = new TrackerHarness(o => o.Enabled = false);

        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("m", 1);
            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.False(harness.Tracker.IsEnabled);
        Assert.Empty(harness.Store.Inner.Runs);
    }

    [Fact]
    public async Task RunId_of_a_disabled_tracker_throws_MlflowException()
    {
        await using var harness = new TrackerHarness(o => o.Enabled = false);
        using var run = harness.Tracker.StartRun(TrackerHarness.Definition());

        Assert.Throws<MlflowException>(() => run.RunId);
    }

    [Fact]
    public void Malformed_tracking_uri_gives_a_disabled_tracker_instead_of_an_exception()
    {
        var logs = new CapturingLoggerFactory();
        using var tracker = new BackgroundRunTracker(new MlflowOptions { TrackingUri = "ftp://nowhere" }, logs);

        Assert.False(tracker.IsEnabled);
        Assert.NotNull(tracker.DisabledReason);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Store_that_cannot_be_opened_never_throws_into_tracked_calls()
    {
        var logs = new CapturingLoggerFactory();
        var blocker = System.IO.Path.GetTempFileName(); // a file where the database's directory would have to be
        try
        {
            var path = System.IO.Path.Combine(blocker, "sub", "mlflow.db");
            await using (var tracker = new BackgroundRunTracker(new MlflowOptions { TrackingUri = "sqlite:///" + path, FlushTimeout = TimeSpan.FromSeconds(2) }, logs))
            {
                var run = tracker.StartRun(TrackerHarness.Definition());
                run.LogMetric("m", 1);
                run.Complete();
                run.Dispose();
                await tracker.FlushAsync();

                Assert.True(tracker.IsEnabled);
                Assert.Equal(0, tracker.Statistics.OperationsDelivered);
            }

            Assert.Contains(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        }
        finally
        {
            System.IO.File.Delete(blocker);
        }
    }

    [Fact]
    public async Task Param_values_never_appear_in_log_output()
    {
        const string Secret = "hunter2-super-secret";
        await using var harness = new TrackerHarness(o => o.FlushTimeout = TimeSpan.FromSeconds(2));
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogParam("password", Secret);
            return 0;
        });
        await harness.Tracker.FlushAsync();

        // A second call logs a different value for the same key into a new run, and one logs into a broken store.
        var first = harness.Store.Inner.Runs.Single().RunId;
        await using var attached = new BackgroundRunTracker(harness.Client, new MlflowOptions { RunId = first, Synchronous = true }, harness.Logs);
        using (var run = attached.StartRun(TrackerHarness.Definition()))
        {
            run.LogParam("password", Secret + "-changed");
        }

        harness.Store.AlwaysFail = () => new MlflowNetworkException("down");
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogParam("password", Secret);
            return 0;
        });

        Assert.Contains(harness.Logs.Entries, e => e.Text.Contains("'password'", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracker_installed_for_a_flow_is_what_MlflowTracking_returns_there()
    {
        await using var harness = new TrackerHarness();
        using (MlflowTracking.UseTracker(harness.Tracker))
        {
            Assert.Same(harness.Tracker, MlflowTracking.Tracker);
        }

        Assert.NotSame(harness.Tracker, MlflowTracking.Tracker);
    }

    [Fact]
    public async Task MlflowFake_backed_tracker_records_a_generated_style_call()
    {
        using var fake = new MlflowFake();
        var tracker = MlflowTracking.Tracker;
        var run = tracker.StartRun(TrackerHarness.Definition());
        try
        {
            run.LogParam("lr", 0.01);
            run.Complete();
        }
        finally
        {
            run.Dispose();
        }

        await Task.Yield();
        fake.AssertParamLogged("lr", "0.01");
        fake.AssertRunTerminated(RunStatus.Finished);
    }
}
