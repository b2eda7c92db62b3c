using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Stores;
using MLflow.Tracking.Tests.TestSupport;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;
using Xunit.Abstractions;

namespace MLflow.Tracking.Tests.Reliability;

/// <summary>
/// More than the memory queue holds (<see cref="MlflowOptions.MaxQueueLength"/>): a burst of many short runs and one
/// run logging far more points than the queue, into a slow server and into SQLite. Nothing is lost, and the flush
/// result's counts add up to what was queued.
/// </summary>
public sealed class BurstDeliveryTests(ITestOutputHelper output)
{
    // What the recorded MLflow 3.5 transcripts show a request to take (17–23 ms), so the store is slower than callers.
    private const int ServerLatencyMs = 20;

    [Fact]
    public async Task A_burst_far_beyond_the_memory_queue_into_a_slow_server_loses_no_run_data_and_the_flush_counts_add_up()
    {
        const int Runs = 3000; // 15,000 operations against a queue of 1,000
        await using var rig = await ReliabilityRig.StartAsync(options =>
        {
            options.MaxQueueLength = 1000;
            options.FlushTimeout = TimeSpan.FromSeconds(2);
        });
        rig.Server.Faults = Slow;

        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Runs; i++)
        {
            var name = "run-" + i.ToString(CultureInfo.InvariantCulture);
            expected[name] = rig.TrackedCall(name, i);
        }

        var flush = await rig.Tracker.FlushAsync();
        var statistics = rig.Tracker.Statistics;
        output.WriteLine($"burst of {Runs} runs, MaxQueueLength 1000: {flush}; {statistics}");

        Assert.Equal(Runs * 5L, flush.Delivered + flush.Spooled + flush.Refused + flush.Pending);
        Assert.True(flush.IsDurable, flush.ToString());
        Assert.True(statistics.OperationsSpooled > 0, "the burst never went beyond the memory queue: " + statistics);

        // The store answers at full speed again: the tracker replays the spool on its own once a probe finds it.
        rig.Server.Faults = null;
        await Eventually.UntilAsync(() => rig.Spool.FileCount == 0 && rig.Tracker.Statistics.PendingOperations == 0);
        await rig.AssertExactlyArrivedAsync(expected);
    }

    [Fact]
    public async Task One_run_logging_far_more_points_than_the_queue_holds_into_SQLite_stores_every_point()
    {
        const int Points = 200_000;
        using var folder = new TempDirectory();
        using var spool = new TempSpool();
        var uri = "sqlite:///" + folder.File("mlflow.db");
        await using (var tracker = new BackgroundRunTracker(new MlflowOptions { TrackingUri = uri, SpoolDirectory = spool.Root, MaxQueueLength = 10_000, FlushTimeout = TimeSpan.FromMinutes(2) }))
        {
            LogPoints(tracker, Points);
            var flush = await tracker.FlushAsync();
            output.WriteLine($"{Points} points into SQLite, MaxQueueLength 10,000: {flush}; {tracker.Statistics}");
            Assert.True(flush.Succeeded, flush.ToString());
            Assert.Equal(Points + 2L, flush.Delivered);
        }

        await using var client = new MlflowClient(new MlflowOptions { TrackingUri = uri });
        Assert.Equal(Enumerable.Range(0, Points).Select(i => (long)i), await StepsAsync(client.Store));
    }

    [Fact]
    public async Task One_run_logging_far_more_points_than_the_queue_holds_into_a_slow_server_is_stored_whole_or_says_what_is_spooled()
    {
        const int Points = 200_000;
        await using var rig = await ReliabilityRig.StartAsync(options =>
        {
            options.MaxQueueLength = 10_000;
            options.FlushTimeout = TimeSpan.FromSeconds(2);
        });
        rig.Server.Faults = Slow;

        LogPoints(rig.Tracker, Points);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var flush = await rig.Tracker.FlushAsync();
        output.WriteLine($"{Points} points into a server answering in {ServerLatencyMs} ms, MaxQueueLength 10,000: flush {clock.ElapsedMilliseconds} ms, {flush}; {rig.Tracker.Statistics}");
        await Eventually.UntilAsync(() => rig.Spool.FileCount > 0 || rig.Tracker.Statistics.PendingOperations == 0);
        output.WriteLine($"spooled after {clock.ElapsedMilliseconds} ms: {rig.Tracker.Statistics}");

        // 200 log-batch requests of 1,000 points: more than the deadline allows, so the rest of the run is spooled
        // (on a loaded machine writing it may outlast the flush's margin: then the result says it is still pending).
        Assert.Equal(Points + 2L, flush.Delivered + flush.Spooled + flush.Refused + flush.Pending);
        Assert.Equal(0, flush.Refused);

        rig.Server.Faults = null;
        await Eventually.UntilAsync(() => rig.Spool.FileCount == 0 && rig.Tracker.Statistics.PendingOperations == 0);
        Assert.Equal(Enumerable.Range(0, Points).Select(i => (long)i), await StepsAsync(rig.Server.Store));
        var run = Assert.Single(await rig.RunsOnServerAsync());
        Assert.Equal(RunStatus.Finished, run.Info.Status);
    }

    private static async Task<bool> Slow(RecordedRequest request, Microsoft.AspNetCore.Http.HttpContext context)
    {
        // A request the client gave up on is not carried out (see the crash test).
        await Task.Delay(ServerLatencyMs, context.RequestAborted);
        return false;
    }

    /// <summary>A training loop: one tracked run, one metric point per step.</summary>
    private static void LogPoints(BackgroundRunTracker tracker, int points)
    {
        var run = tracker.StartRun(new TrackedRunDefinition(ReliabilityRig.Experiment, "big-run", "Burst.Train"));
        try
        {
            for (var step = 0; step < points; step++)
            {
                run.LogMetric("loss", step, step);
            }

            run.Complete();
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>The steps of every stored "loss" point of the one run, in step order.</summary>
    private static async Task<IReadOnlyList<long>> StepsAsync(MlflowStore store)
    {
        var experiment = await store.GetExperimentByNameAsync(ReliabilityRig.Experiment, CancellationToken.None);
        var runs = await store.SearchRunsAsync(new RunSearchRequest { ExperimentIds = [experiment.ExperimentId], ViewType = ViewType.All }, CancellationToken.None);
        var run = Assert.Single(runs.Items);
        var steps = new List<long>();
        string? token = null;
        do
        {
            var page = await store.GetMetricHistoryAsync(run.Info.RunId, "loss", 25_000, token, CancellationToken.None);
            steps.AddRange(page.Items.Select(m => m.Step));
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        steps.Sort();
        return steps;
    }
}
