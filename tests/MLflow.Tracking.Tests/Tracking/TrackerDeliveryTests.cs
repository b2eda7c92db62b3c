using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class TrackerDeliveryTests
{
    [Fact]
    public async Task Metric_points_of_a_run_arrive_in_the_order_logged()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition(), run =>
        {
            for (var i = 0; i < 300; i++)
            {
                run.LogMetric("loss", 300 - i, step: i);
            }

            return 0;
        });
        await harness.Tracker.FlushAsync();

        var points = Assert.Single(harness.Store.Inner.Runs).MetricHistory("loss");
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), points.Select(p => p.Step));
    }

    [Fact]
    public async Task A_tag_set_twice_keeps_the_last_value()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.SetTag("phase", "warmup");
            run.SetTag("phase", "train");
            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.Equal("train", Assert.Single(harness.Store.Inner.Runs).Tags["phase"]);
    }

    [Fact]
    public async Task Data_of_a_run_is_batched_into_few_log_batch_calls()
    {
        await using var harness = new TrackerHarness(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        harness.Track(TrackerHarness.Definition(), run =>
        {
            for (var i = 0; i < 10; i++)
            {
                run.LogParam("p" + i, i);
            }

            for (var i = 0; i < 500; i++)
            {
                run.LogMetric("m", i, step: i);
            }

            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.InRange(harness.Store.Calls(nameof(ScriptedStore.LogBatchAsync)), 1, 2);
        Assert.Equal(0, harness.Store.Calls(nameof(ScriptedStore.LogMetricAsync)));
        Assert.Equal(500, Assert.Single(harness.Store.Inner.Runs).Metrics.Count);
    }

    [Fact]
    public async Task Batches_stay_within_MLflow_limits()
    {
        await using var harness = new TrackerHarness(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        harness.Track(TrackerHarness.Definition(), run =>
        {
            for (var i = 0; i < 250; i++)
            {
                run.LogParam("p" + i, i);
                run.SetTag("t" + i, "v");
            }

            for (var i = 0; i < 2500; i++)
            {
                run.LogMetric("m", i, step: i);
            }

            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.All(harness.Store.Batches, b =>
        {
            Assert.InRange(b.Metrics, 0, 1000);
            Assert.InRange(b.Params, 0, 100);
            Assert.InRange(b.Tags, 0, 100);
            Assert.InRange(b.Metrics + b.Params + b.Tags, 1, 1000);
        });
        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal(2500, run.Metrics.Count);
        Assert.Equal(250, run.Params.Count);
    }

    [Fact]
    public async Task One_invalid_metric_key_does_not_lose_the_other_metrics()
    {
        await using var harness = new TrackerHarness(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("good1", 1);
            run.LogMetric("bad key!", 2);
            run.LogMetric("good2", 3);
            run.LogParam("lr", "0.1");
            return 0;
        });
        await harness.Tracker.FlushAsync();

        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal(new[] { "good1", "good2" }, run.Metrics.Select(m => m.Key));
        Assert.Equal("0.1", run.Params["lr"]);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(1, harness.Tracker.Statistics.OperationsDropped);
    }

    [Fact]
    public async Task A_refused_key_is_logged_as_a_warning_naming_the_key()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("bad key!", 2);
            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.Contains(harness.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Text.Contains("'bad key!'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unreachable_store_never_reaches_the_tracked_call()
    {
        await using var harness = new TrackerHarness(o => o.FlushTimeout = TimeSpan.FromMilliseconds(200));
        harness.Store.AlwaysFail = () => new MlflowNetworkException("Connection refused.");

        var result = harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogParam("lr", 0.1);
            run.LogMetric("loss", 0.5);
            run.SetTag("k", "v");
            return 42;
        });
        await Eventually.UntilAsync(() => harness.Tracker.Statistics.DeliveryFailures > 0);

        Assert.Equal(42, result);
        Assert.True(harness.Tracker.Statistics.DeliveryFailures > 0);
        Assert.Equal(0, harness.Tracker.Statistics.OperationsDropped);
    }

    [Fact]
    public async Task Flush_returns_at_its_deadline_while_the_store_is_down_and_says_what_is_left()
    {
        await using var harness = new TrackerHarness(o => o.FlushTimeout = TimeSpan.FromMilliseconds(100));
        harness.Store.AlwaysFail = () => new MlflowNetworkException("Connection refused.");
        harness.Track(TrackerHarness.Definition(), _ => 1);

        var result = await harness.Tracker.FlushAsync();

        // An in-memory store has no spool: the run stays in memory, and the result says so.
        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Pending);
        Assert.Equal(0, result.Delivered + result.Spooled + result.Refused);
        Assert.Contains(harness.Logs.Entries, e => e.Text.Contains("flush reached its deadline", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Data_queued_while_the_store_is_down_is_delivered_after_it_recovers()
    {
        await using var harness = new TrackerHarness();
        harness.Store.FailNext(3);

        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogParam("lr", 0.1);
            for (var i = 0; i < 20; i++)
            {
                run.LogMetric("loss", i, step: i);
            }

            return 0;
        });
        await harness.Tracker.FlushAsync();

        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal(20, run.Metrics.Count);
        Assert.Equal("0.1", run.Params["lr"]);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(0, harness.Tracker.Statistics.PendingOperations);
        Assert.Equal(3, harness.Tracker.Statistics.DeliveryFailures);
    }

    [Fact]
    public async Task A_permanent_store_error_on_creation_drops_the_run_and_keeps_the_pipeline_going()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition("bad", new string('x', 600)), run =>
        {
            run.LogMetric("m", 1);
            return 0;
        });
        harness.Track(TrackerHarness.Definition("good"), _ => 0);
        await harness.Tracker.FlushAsync();

        Assert.Equal("good", Assert.Single(harness.Store.Inner.Runs).RunName);
        Assert.Equal(3, harness.Tracker.Statistics.OperationsDropped);
    }

    [Fact]
    public async Task Operations_beyond_the_queue_limit_are_kept_not_dropped()
    {
        await using var harness = new TrackerHarness(o =>
        {
            o.MaxQueueLength = 10;
            o.FlushTimeout = TimeSpan.FromMilliseconds(50);
        });
        harness.Store.AlwaysFail = () => new MlflowNetworkException("down");

        harness.Track(TrackerHarness.Definition(), run =>
        {
            for (var i = 0; i < 100; i++)
            {
                run.LogMetric("m", i);
            }

            return 0;
        });

        // Without a spool (an in-memory store) the queue grows: nothing is thinned out of the run.
        var statistics = harness.Tracker.Statistics;
        Assert.Equal(0, statistics.OperationsDropped);
        Assert.Equal(102, statistics.PendingOperations);

        harness.Store.AlwaysFail = null;
        var result = await harness.Tracker.FlushAsync();
        await Eventually.UntilAsync(() => harness.Tracker.Statistics.PendingOperations == 0);
        Assert.Equal(100, Assert.Single(harness.Store.Inner.Runs).Metrics.Count(m => m.Key == "m"));
        Assert.Equal(0, harness.Tracker.Statistics.OperationsDropped);
        Assert.True(result.Refused == 0);
    }

    [Fact]
    public async Task Dispose_delivers_what_is_queued()
    {
        var harness = new TrackerHarness(o => o.BatchInterval = TimeSpan.FromMinutes(5));
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("m", 1);
            return 0;
        });

        await harness.DisposeAsync();

        Assert.Single(Assert.Single(harness.Store.Inner.Runs).Metrics);
    }

    [Fact]
    public async Task Statistics_count_runs_and_delivered_operations()
    {
        await using var harness = new TrackerHarness();
        harness.Track(TrackerHarness.Definition(), run =>
        {
            run.LogMetric("m", 1);
            run.LogParam("p", "v");
            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.Equal(new RunTrackerStatistics(1, 1, 4, 4, 0, 0, 0), harness.Tracker.Statistics);
    }
}
