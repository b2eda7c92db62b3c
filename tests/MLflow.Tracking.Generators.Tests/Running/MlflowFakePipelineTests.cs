using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Generators.Tests.Infrastructure;
using MLflow.Tracking.Testing;

namespace MLflow.Tracking.Generators.Tests.Running;

/// <summary>
/// Generated code over the real pipeline: the wrappers call <see cref="MlflowTracking.Tracker"/>, which is the
/// <see cref="MlflowFake"/>'s synchronous <see cref="BackgroundRunTracker"/>, which writes to its in-memory store.
/// </summary>
public sealed class MlflowFakePipelineTests
{
    private const string Trainer = "Scenarios.Trainer";

    [Fact]
    public void Sync_call_records_a_finished_run_with_params_body_metrics_and_result_metrics()
    {
        using var mlflow = new MlflowFake();

        ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "Train", 0.01, 3, null, "alice", CancellationToken.None);

        var run = Assert.Single(mlflow.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("train", run.RunName);
        Assert.Equal("training", run.ExperimentName);
        Assert.Equal("0.01", run.Params["lr"]);
        Assert.Equal("3", run.Params["epochs"]);
        Assert.Equal("None", run.Params["options"]);
        Assert.StartsWith("sha256:", run.Params["userId"], StringComparison.Ordinal);
        Assert.Equal(0.9, Assert.Single(run.MetricHistory("Accuracy")).Value);
        Assert.Equal(0.75, Assert.Single(run.MetricHistory("f1")).Value);
        Assert.Equal(1, Assert.Single(run.MetricHistory("loss")).Step);
        Assert.Equal("Scenarios.Trainer.Train", run.Tags["mlflow.source.name"]);
        Assert.Equal("vision", run.Tags["team"]);
        Assert.Equal("fit", run.Tags["stage"]);
    }

    [Fact]
    public async Task Task_of_T_call_records_the_result_metrics_once_the_task_completes()
    {
        using var mlflow = new MlflowFake();

        await (Task)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "TrainAsync", 0.25, CancellationToken.None)!;

        var run = Assert.Single(mlflow.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("TrainAsync", run.RunName);
        Assert.Equal("0.25", run.Params["lr"]);
        Assert.Equal(0.25, Assert.Single(run.MetricHistory("Accuracy")).Value);
        Assert.Equal(1.0, Assert.Single(run.MetricHistory("f1")).Value);
        Assert.NotNull(run.EndTime);
    }

    [Fact]
    public void Exception_records_a_failed_run_with_error_tags()
    {
        using var mlflow = new MlflowFake();

        Assert.Throws<InvalidOperationException>(() => ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "Explode", "bad data"));

        var run = Assert.Single(mlflow.Runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("System.InvalidOperationException", run.Tags["error.type"]);
        Assert.Equal("bad data", run.Tags["error.message"]);
        Assert.Equal("bad data", run.Params["reason"]);
    }

    [Fact]
    public async Task Cancellation_records_a_killed_run()
    {
        using var mlflow = new MlflowFake();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "TrainAsync", 0.1, cancellation.Token)!);

        var run = Assert.Single(mlflow.Runs);
        Assert.Equal(RunStatus.Killed, run.Status);
        Assert.Empty(run.Metrics);
    }

    [Fact]
    public async Task Nested_call_records_a_child_run_whose_parent_tag_is_the_outer_run_id()
    {
        using var mlflow = new MlflowFake();

        var result = await (Task<string>)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "OuterAsync", 5)!;

        Assert.Equal("Inner:OuterAsync/OuterAsync", result);
        Assert.Equal(2, mlflow.Runs.Count);
        var outer = mlflow.Runs.Single(r => r.RunName == "OuterAsync");
        var inner = mlflow.Runs.Single(r => r.RunName == "Inner");
        Assert.Null(outer.ParentRunId);
        Assert.Equal(outer.RunId, inner.Tags["mlflow.parentRunId"]);
        Assert.All(mlflow.Runs, r => Assert.Equal(RunStatus.Finished, r.Status));
    }

    [Fact]
    public void Static_method_records_its_return_metric()
    {
        using var mlflow = new MlflowFake();

        var square = ScenarioAssembly.CallStatic(Trainer, "Square", 6);

        Assert.Equal(36, square);
        var run = Assert.Single(mlflow.Runs);
        Assert.Equal("6", run.Params["value"]);
        Assert.Equal(36.0, Assert.Single(run.MetricHistory("score")).Value);
    }
}
