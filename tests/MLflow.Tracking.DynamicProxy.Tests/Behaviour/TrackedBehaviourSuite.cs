using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.TestSupport.Behaviour;

/// <summary>
/// What every tracking path (generated wrappers, DynamicProxy) must do for the same attributes. A derived class
/// supplies the tracked <see cref="ITrackedBehaviourService"/>; the facts here are inherited and run for each.
/// </summary>
public abstract class TrackedBehaviourSuite
{
    /// <summary>The tracked service, reporting to <paramref name="tracker"/> (through the proxy, or <c>MlflowTracking.UseTracker</c>).</summary>
    protected abstract ITrackedBehaviourService CreateService(RecordingRunTracker tracker);

    /// <summary>The implementation type's full name, the prefix of <c>mlflow.source.name</c>.</summary>
    protected abstract string ImplementationTypeName { get; }

    [Fact]
    public void Sync_call_records_one_finished_run_with_definition_params_and_return_metric()
    {
        var tracker = new RecordingRunTracker();
        var result = CreateService(tracker).Score(0.5, 4);

        Assert.Equal(2.0, result);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("training", run.Definition.ExperimentName);
        Assert.Equal("score-run", run.Definition.RunName);
        Assert.Equal(ImplementationTypeName + ".Score", run.Definition.SourceName);
        Assert.Equal(new[] { KeyValuePair.Create("learningRate", "0.5"), KeyValuePair.Create("epochs", "4") }, run.Params);
        Assert.Equal(2.0, run.MetricMap["score"]);
    }

    [Fact]
    public void Method_and_type_tags_are_in_the_definition()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).Score(1, 1);

        var tags = tracker.SingleRun().Definition.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "vision", ["stage"] = "eval" }, tags);
    }

    [Fact]
    public void Run_name_defaults_to_the_method_name_and_experiment_to_null()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).Configure(new TrainingOptions());

        var run = tracker.SingleRun();
        Assert.Equal("Configure", run.Definition.RunName);
        Assert.Null(run.Definition.ExperimentName);
        Assert.Equal(ImplementationTypeName + ".Configure", run.Definition.SourceName);
    }

    [Fact]
    public void Void_call_flattens_an_object_param_into_its_public_properties()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).Configure(new TrainingOptions { BatchSize = 32, Optimizer = "adam", Dropout = 0.1 });

        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(new Dictionary<string, string> { ["options.BatchSize"] = "32", ["options.Optimizer"] = "adam", ["options.Dropout"] = "0.1" }, run.ParamMap);
    }

    [Fact]
    public void Flattened_null_members_are_logged_as_None()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).Configure(new TrainingOptions { BatchSize = 1, Optimizer = null });

        Assert.Equal("None", tracker.SingleRun().ParamMap["options.Optimizer"]);
    }

    [Fact]
    public void Null_object_param_is_logged_as_one_None_param()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).Configure(null!);

        Assert.Equal(new[] { KeyValuePair.Create("options", "None") }, tracker.SingleRun().Params);
    }

    [Fact]
    public async Task Task_run_stays_running_until_the_task_completes()
    {
        var tracker = new RecordingRunTracker();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CreateService(tracker).WaitAsync(gate.Task);

        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Running, run.Status);
        gate.SetResult();
        await call;
        Assert.Equal(RunStatus.Finished, await run.Ended);
    }

    [Fact]
    public async Task Task_of_T_logs_metrics_of_result_members()
    {
        var tracker = new RecordingRunTracker();
        var result = await CreateService(tracker).TrainAsync(0.8, Task.CompletedTask, CancellationToken.None);

        Assert.Equal(0.8, result.Accuracy);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("training", run.Definition.ExperimentName);
        Assert.Equal(new Dictionary<string, double> { ["Accuracy"] = 0.8, ["f1"] = 0.4 }, run.MetricMap);
        Assert.Equal("0.8", run.ParamMap["learningRate"]);
    }

    [Fact]
    public async Task Task_of_T_logs_metrics_only_after_completion()
    {
        var tracker = new RecordingRunTracker();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CreateService(tracker).TrainAsync(0.5, gate.Task, CancellationToken.None);

        var run = tracker.SingleRun();
        Assert.Empty(run.Metrics);
        gate.SetResult();
        await call;
        Assert.Equal(2, run.MetricMap.Count);
    }

    [Fact]
    public async Task ValueTask_run_ends_when_the_value_task_completes()
    {
        var tracker = new RecordingRunTracker();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CreateService(tracker).WaitValueAsync(gate.Task);

        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Running, run.Status);
        gate.SetResult();
        await call;
        Assert.Equal(RunStatus.Finished, await run.Ended);
    }

    [Fact]
    public async Task ValueTask_of_T_logs_the_return_metric_and_param()
    {
        var tracker = new RecordingRunTracker();
        var count = await CreateService(tracker).CountAsync(Task.Delay(1), 7);

        Assert.Equal(7, count);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(7.0, run.MetricMap["count"]);
        Assert.Equal("7", run.ParamMap["count"]);
    }

    [Fact]
    public void Sync_exception_fails_the_run_and_propagates_unchanged()
    {
        var tracker = new RecordingRunTracker();
        var service = CreateService(tracker);

        var thrown = Assert.Throws<InvalidOperationException>(() => service.Throw("boom"));

        Assert.Equal("boom", thrown.Message);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Same(thrown, run.Error);
        Assert.Equal("boom", run.TagMap["error.message"]);
    }

    [Fact]
    public async Task Async_exception_fails_the_run_and_propagates_unchanged()
    {
        var tracker = new RecordingRunTracker();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CreateService(tracker).ThrowAsync("late boom", gate.Task);
        gate.SetResult();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => call);

        Assert.Equal("late boom", thrown.Message);
        Assert.Equal(RunStatus.Failed, await tracker.SingleRun().Ended);
        Assert.Same(thrown, tracker.SingleRun().Error);
    }

    [Fact]
    public async Task ValueTask_of_T_exception_fails_the_run()
    {
        var tracker = new RecordingRunTracker();
        var call = CreateService(tracker).ThrowValueAsync("value boom", Task.Delay(1));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () => await call);

        Assert.Equal("value boom", thrown.Message);
        Assert.Equal(RunStatus.Failed, tracker.SingleRun().Status);
    }

    [Fact]
    public async Task Cancellation_kills_the_run_and_propagates()
    {
        var tracker = new RecordingRunTracker();
        using var cancellation = new CancellationTokenSource();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CreateService(tracker).TrainAsync(0.1, gate.Task, cancellation.Token);
        cancellation.Cancel();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(RunStatus.Killed, tracker.SingleRun().Status);
    }

    [Fact]
    public void Nested_tracked_call_becomes_a_child_run()
    {
        var tracker = new RecordingRunTracker();
        var service = CreateService(tracker);

        service.Pipeline(() => service.Score(1, 2));

        var outer = tracker.Runs.Single(r => r.Definition.RunName == "Pipeline");
        var inner = tracker.Runs.Single(r => r.Definition.RunName == "score-run");
        Assert.Null(outer.ParentRun);
        Assert.Same(outer, inner.ParentRun);
        Assert.All(tracker.Runs, r => Assert.Equal(RunStatus.Finished, r.Status));
    }

    [Fact]
    public async Task Nested_async_tracked_call_becomes_a_child_run()
    {
        var tracker = new RecordingRunTracker();
        var service = CreateService(tracker);

        await service.PipelineAsync(async () => (await service.TrainAsync(0.3, Task.Delay(1), CancellationToken.None)).Accuracy);

        var outer = tracker.Runs.Single(r => r.Definition.RunName == "PipelineAsync");
        var inner = tracker.Runs.Single(r => r.Definition.RunName == "TrainAsync");
        Assert.Same(outer, inner.ParentRun);
    }

    [Fact]
    public void Sequential_calls_are_sibling_runs()
    {
        var tracker = new RecordingRunTracker();
        var service = CreateService(tracker);

        service.Score(1, 1);
        service.Score(2, 2);

        Assert.Equal(2, tracker.Runs.Count);
        Assert.All(tracker.Runs, r => Assert.Null(r.ParentRun));
    }

    [Fact]
    public void Redacted_params_never_carry_the_value()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).SignIn("alice@example.com", "sk-very-secret", "eu");

        var parameters = tracker.SingleRun().ParamMap;
        Assert.Equal(ParamRedactor.Redact("alice@example.com", ParamRedaction.Hash), parameters["userId"]);
        Assert.StartsWith("sha256:", parameters["userId"], StringComparison.Ordinal);
        Assert.Equal("len:14", parameters["apiKey"]);
        Assert.Equal("eu", parameters["region"]);
        Assert.DoesNotContain(parameters.Values, v => v.Contains("secret", StringComparison.Ordinal) || v.Contains("alice", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_param_is_logged_as_None()
    {
        var tracker = new RecordingRunTracker();
        CreateService(tracker).SignIn("bob", "k", null);

        Assert.Equal("None", tracker.SingleRun().ParamMap["region"]);
    }

    [Fact]
    public void Body_sees_its_run_as_current_and_the_caller_sees_none_after()
    {
        var tracker = new RecordingRunTracker();
        var seen = CreateService(tracker).CurrentRunName();

        Assert.Equal("probe", seen);
        Assert.Null(ActiveRun.Current);
    }

    [Fact]
    public async Task Caller_current_run_is_unchanged_while_an_async_call_is_pending()
    {
        var tracker = new RecordingRunTracker();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CreateService(tracker).WaitAsync(gate.Task);

        Assert.Null(ActiveRun.Current);
        gate.SetResult();
        await call;
        Assert.Null(ActiveRun.Current);
    }

    [Fact]
    public void Untracked_method_starts_no_run()
    {
        var tracker = new RecordingRunTracker();
        var result = CreateService(tracker).Untracked(41);

        Assert.Equal(42, result);
        Assert.Empty(tracker.Runs);
    }

    [Fact]
    public void Disabled_tracker_starts_no_run_and_calls_the_body()
    {
        var tracker = new RecordingRunTracker { IsEnabled = false };
        var result = CreateService(tracker).Score(0.5, 2);

        Assert.Equal(1.0, result);
        Assert.Empty(tracker.Runs);
    }

    [Fact]
    public async Task Parallel_calls_each_get_their_own_run()
    {
        var tracker = new RecordingRunTracker();
        var service = CreateService(tracker);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => service.TrainAsync(i, Task.Delay(1), CancellationToken.None))));

        Assert.Equal(8, tracker.Runs.Count);
        Assert.All(tracker.Runs, r => Assert.Null(r.ParentRun));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(s => s), tracker.Runs.Select(r => r.ParamMap["learningRate"]).OrderBy(s => s));
    }

    [Fact]
    public void A_throwing_getter_costs_its_param_and_never_the_call()
    {
        var tracker = new RecordingRunTracker();
        var result = CreateService(tracker).Inspect(new ProbeOptions(), Task.FromResult(1), new Lazy<int>(() => 1), 0.1f, new DateOnly(2024, 1, 2));

        Assert.Equal(3, result);
        var run = tracker.SingleRun();
        Assert.Equal(RunStatus.Finished, run.Status);
        var failure = Assert.Single(run.ReadFailures);
        Assert.Equal("options.Throwing", failure.Key);
        Assert.IsType<InvalidOperationException>(failure.Value);
    }

    [Fact]
    public void Tasks_and_lazies_are_never_read_and_floats_and_dates_are_formatted_invariantly()
    {
        var tracker = new RecordingRunTracker();
        var later = new Lazy<int>(() => 1);
        var options = new ProbeOptions();
        var pending = new TaskCompletionSource<int>();

        CreateService(tracker).Inspect(options, pending.Task, later, 0.1f, new DateOnly(2024, 1, 2));

        Assert.False(later.IsValueCreated);
        Assert.False(options.Later.IsValueCreated);
        Assert.Equal(
            new Dictionary<string, string> { ["options.Epochs"] = "3", ["options.Ratio"] = "0.1", ["ratio"] = "0.1", ["day"] = "2024-01-02" },
            tracker.SingleRun().ParamMap);
    }

    [Fact]
    public void Return_artifact_is_logged_as_text_and_null_logs_none()
    {
        var tracker = new RecordingRunTracker();
        var service = CreateService(tracker);

        Assert.Equal("{\"name\":\"m\"}", service.Export("m"));
        Assert.Null(service.Export(""));

        Assert.Equal(2, tracker.Runs.Count);
        Assert.Equal(new Dictionary<string, string> { ["model.json"] = "text:{\"name\":\"m\"}" }, tracker.Runs[0].Artifacts);
        Assert.Empty(tracker.Runs[1].Artifacts);
        Assert.All(tracker.Runs, run => Assert.Equal(RunStatus.Finished, run.Status));
    }

    [Fact]
    public async Task Member_artifacts_of_a_task_result_are_logged_when_it_completes_and_bytes_are_copied()
    {
        var tracker = new RecordingRunTracker();
        var weights = new byte[] { 1, 2 };

        var model = await CreateService(tracker).ExportAsync(weights);
        weights[0] = 9;

        Assert.Same(weights, model.Weights);
        Assert.Equal(
            new Dictionary<string, string> { ["model/weights.bin"] = "bytes:0102", ["model/card.md"] = "text:weights: 2" },
            tracker.SingleRun().Artifacts);
    }
}
