using System;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;
using MLflow.Tracking.TestSupport;

namespace MLflow.Tracking.Tests.SystemMetrics;

/// <summary>
/// <c>[TrackedRun(LogSystemMetrics = true)]</c> (carried by <see cref="TrackedRunDefinition.LogSystemMetrics"/>) and
/// <c>MlflowOptions.SystemMetrics.Enabled</c> sample <c>system/...</c> metrics into a tracked call's run while it
/// runs, and stop when it ends.
/// </summary>
public sealed class TrackedRunSystemMetricsTests
{
    // Every sample has memory; CPU is left out of a sample whose /proc/stat delta is zero (short test intervals).
    private const string MemoryKey = "system/system_memory_usage_megabytes";

    [Fact]
    public async Task A_definition_with_LogSystemMetrics_samples_while_the_call_runs_and_stops_at_its_end()
    {
        await using var harness = new TrackerHarness(o => o.SystemMetrics.SamplingInterval = TimeSpan.FromMilliseconds(50));
        var definition = new TrackedRunDefinition("training", "train", "MyApp.Trainer.Train") { LogSystemMetrics = true };

        await harness.TrackAsync(definition, async _ =>
        {
            // A call that runs until a few points were delivered to the store (bounded, not a sleep).
            await Eventually.UntilAsync(() => SystemPoints(harness) >= 3);
            return 0;
        });
        await harness.Tracker.FlushAsync();
        var atEnd = SystemPoints(harness);

        var run = Assert.Single(harness.Store.Inner.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.True(atEnd >= 3, $"{atEnd} points");
        Assert.Contains(run.Metrics, m => m.Key == "system/system_memory_usage_percentage");
        Assert.Equal(Enumerable.Range(0, atEnd).Select(i => (long)i), run.MetricHistory(MemoryKey).Select(m => m.Step));

        // Stopped with the run: a later run without the flag gets no points, and this one gets no more.
        harness.Track(TrackerHarness.Definition("other"), _ => 0);
        await harness.Tracker.FlushAsync();
        Assert.Equal(atEnd, SystemPoints(harness));
        Assert.DoesNotContain(harness.Store.Inner.Runs.Single(r => r.RunName == "other").Metrics, m => m.Key.StartsWith("system/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_option_samples_every_tracked_run()
    {
        await using var harness = new TrackerHarness(o =>
        {
            o.SystemMetrics.Enabled = true;
            o.SystemMetrics.SamplingInterval = TimeSpan.FromMilliseconds(50);
        });

        await harness.TrackAsync(TrackerHarness.Definition(), async _ =>
        {
            await Eventually.UntilAsync(() => SystemPoints(harness) >= 1);
            return 0;
        });
        await harness.Tracker.FlushAsync();

        Assert.Contains(Assert.Single(harness.Store.Inner.Runs).Metrics, m => m.Key == MemoryKey);
    }

    private static int SystemPoints(TrackerHarness harness) =>
        harness.Store.Inner.Runs.Sum(r => r.Metrics.Count(m => m.Key == MemoryKey));
}
