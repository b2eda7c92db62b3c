using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MLflow.Tracking.Tests.Tracking.Support;

namespace MLflow.Tracking.Tests.Tracking;

public sealed class TrackerConcurrencyTests
{
    [Fact]
    public async Task Concurrent_tracked_calls_on_parallel_flows_each_get_exactly_their_own_data()
    {
        const int Calls = 1000;
        await using var harness = new TrackerHarness();
        var definition = TrackerHarness.Definition();

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() => harness.TrackAsync(definition, async run =>
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            run.LogParam("call", id);
            await Task.Yield();
            ActiveRun.Current!.LogMetric("value", i, step: 0);
            await Task.Yield();
            ActiveRun.Current!.LogMetric("value", i, step: 1);
            ActiveRun.Current!.SetTag("owner", id);
            return i;
        }))));
        await harness.Tracker.FlushAsync();

        var runs = harness.Store.Inner.Runs;
        Assert.Equal(Calls, runs.Count);
        Assert.All(runs, run =>
        {
            var id = run.Params["call"];
            Assert.Single(run.Params);
            Assert.Equal(id, run.Tags["owner"]);
            Assert.Equal(2, run.Metrics.Count);
            Assert.All(run.Metrics, m => Assert.Equal(double.Parse(id, CultureInfo.InvariantCulture), m.Value));
            Assert.Equal(RunStatus.Finished, run.Status);
            Assert.Null(run.ParentRunId);
        });
        Assert.Equal(Calls, runs.Select(r => r.Params["call"]).Distinct().Count());
    }
}
