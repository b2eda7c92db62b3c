using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests.Running;

public sealed class AsyncShapeTests
{
    private const string Trainer = "Scenarios.Trainer";

    [Fact]
    public async Task Task_method_run_stays_current_in_the_body_and_finishes_after_completion()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);

        await (Task)ScenarioAssembly.Call(trainer, "WaitAsync", 5)!;

        var run = tracker.Single();
        Assert.Equal("5", run.Params["ms"]);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(new[] { "waited:WaitAsync" }, (List<string>)ScenarioAssembly.Call(trainer, "get_Calls")!);
        Assert.Null(ActiveRun.Current);
    }

    [Fact]
    public async Task Task_of_T_method_logs_metrics_of_the_awaited_result()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var task = (Task)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "TrainAsync", 0.125, CancellationToken.None)!;
        await task;

        var run = tracker.Single();
        Assert.Equal("0.125", run.Params["lr"]);
        Assert.Equal(new[] { ("Accuracy", 0.125, 0L), ("f1", 1.0, 0L) }, run.Metrics);
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public async Task ValueTask_method_is_tracked_until_it_completes()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);

        await (ValueTask)ScenarioAssembly.Call(trainer, "PingAsync", "localhost")!;

        var run = tracker.Single();
        Assert.Equal("localhost", run.Params["host"]);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(new[] { "ping:localhost" }, (List<string>)ScenarioAssembly.Call(trainer, "get_Calls")!);
    }

    [Fact]
    public async Task ValueTask_of_T_method_logs_its_awaited_return_value_as_a_metric()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var rows = await (ValueTask<long>)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "CountAsync", "metrics")!;

        Assert.Equal(7L, rows);
        Assert.Equal(new[] { ("rows", 7.0, 0L) }, tracker.Single().Metrics);
    }

    [Fact]
    public async Task Tracked_call_inside_another_becomes_a_child_run_of_the_same_flow()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var text = await (Task<string>)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "OuterAsync", 3)!;

        Assert.Equal("Inner:OuterAsync/OuterAsync", text);
        Assert.Equal(2, tracker.Runs.Count);
        var outer = tracker.Runs[0];
        var inner = tracker.Runs[1];
        Assert.Equal("OuterAsync", outer.RunName);
        Assert.Same(outer, inner.Parent);
        Assert.Null(outer.Parent);
        Assert.Equal(RunStatus.Finished, inner.Status);
        Assert.Equal(RunStatus.Finished, outer.Status);
    }

    [Fact]
    public async Task Thousand_concurrent_async_calls_each_log_only_into_their_own_run()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);
        var tasks = new Task<int>[1000];

        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = (Task<int>)ScenarioAssembly.Call(trainer, "WorkAsync", i)!;
        }

        var results = await Task.WhenAll(tasks);

        Assert.Equal(System.Linq.Enumerable.Range(0, 1000), results);
        Assert.Equal(1000, tracker.Runs.Count);
        foreach (var run in tracker.Runs)
        {
            var id = double.Parse(run.Params["id"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(new[] { ("before", id, 0L), ("after", id, 0L) }, run.Metrics);
            Assert.Equal(RunStatus.Finished, run.Status);
            Assert.Null(run.Parent);
        }
    }
}
