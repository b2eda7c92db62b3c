using System.Linq;
using System.Threading;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests.Running;

public sealed class SyncShapeTests
{
    private const string Trainer = "Scenarios.Trainer";

    [Fact]
    public void Sync_value_method_logs_flattened_params_result_metrics_and_tags_then_finishes()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);
        var options = ScenarioAssembly.Create("Scenarios.Options");

        ScenarioAssembly.Call(trainer, "Train", 0.01, 5, options, "alice", CancellationToken.None);

        var run = tracker.Single();
        Assert.Equal("training", run.Definition.ExperimentName);
        Assert.Equal("train", run.Definition.RunName);
        Assert.Equal("Scenarios.Trainer.Train", run.Definition.SourceName);
        Assert.Equal(new[] { "team=vision", "stage=fit" }, run.Definition.Tags.Select(t => t.Key + "=" + t.Value));
        Assert.Equal(new[] { "lr", "epochs", "options.bs", "options.Optimizer", "options.Schedule.Warmup", "userId" }, run.ParamKeys);
        Assert.Equal("0.01", run.Params["lr"]);
        Assert.Equal("5", run.Params["epochs"]);
        Assert.Equal("32", run.Params["options.bs"]);
        Assert.Equal("sgd", run.Params["options.Optimizer"]);
        Assert.Equal("0.25", run.Params["options.Schedule.Warmup"]);
        Assert.Equal(ParamRedactor.Redact("alice", ParamRedaction.Hash), run.Params["userId"]);
        Assert.Equal(new[] { ("loss", 0.5, 1L), ("Accuracy", 0.9, 0L), ("f1", 0.75, 0L) }, run.Metrics);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(1, run.DisposeCount);
        Assert.Null(run.Parent);
    }

    [Fact]
    public void Null_object_param_is_logged_as_None_instead_of_its_members()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "Train", 0.5, 1, null, "bob", CancellationToken.None);

        var run = tracker.Single();
        Assert.Equal("None", run.Params["options"]);
        Assert.DoesNotContain(run.ParamKeys, key => key.StartsWith("options.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Void_method_runs_the_body_once_and_logs_a_null_string_as_None()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);

        ScenarioAssembly.Call(trainer, "Note", new object?[] { null });

        var run = tracker.Single();
        Assert.Equal("None", run.Params["text"]);
        Assert.Equal("Note", run.Definition.RunName);
        Assert.Null(run.Definition.ExperimentName);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(new[] { "null" }, ScenarioAssembly.Call(trainer, "get_Calls") as System.Collections.Generic.List<string>);
    }

    [Fact]
    public void Static_method_logs_its_numeric_return_value_as_a_metric()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var result = ScenarioAssembly.CallStatic(Trainer, "Square", 7);

        Assert.Equal(49, result);
        var run = tracker.Single();
        Assert.Equal("7", run.Params["value"]);
        Assert.Equal(new[] { ("score", 49.0, 0L) }, run.Metrics);
    }

    [Fact]
    public void Generic_method_logs_its_type_parameter_value_and_returns_it()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);

        var result = ScenarioAssembly.Call(trainer.GetType(), trainer, "Echo", new object?[] { 2.5 }, new[] { typeof(double) });

        Assert.Equal(2.5, result);
        Assert.Equal("2.5", tracker.Single().Params["value"]);
    }

    [Fact]
    public void Method_of_a_record_struct_nested_in_a_generic_class_is_tracked()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var type = ScenarioAssembly.Type("Scenarios.Outer`1+Inner").MakeGenericType(typeof(string));
        var inner = System.Activator.CreateInstance(type, 4)!;

        var result = ScenarioAssembly.Call(type, inner, "Get", new object?[] { "blue" });

        Assert.Equal(4, result);
        var run = tracker.Single();
        Assert.Equal("blue", run.Params["tag"]);
        Assert.Equal(new[] { ("x", 4.0, 0L) }, run.Metrics);
        Assert.Equal("Scenarios.Outer<T>.Inner.Get", run.Definition.SourceName);
    }

    [Fact]
    public void Ref_out_in_and_params_arguments_flow_both_ways_and_params_log_the_value_before_the_call()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var arguments = new object?[] { 41, null, 1.5m, new[] { 1, 2, 3 } };

        var result = ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "Mutate", arguments);

        Assert.Equal(3, result);
        Assert.Equal(42, arguments[0]);
        Assert.Equal("L42", arguments[1]);
        var run = tracker.Single();
        Assert.Equal(new[] { "counter", "rate" }, run.ParamKeys);
        Assert.Equal("41", run.Params["counter"]);
        Assert.Equal("1.5", run.Params["rate"]);
    }

    [Fact]
    public void Default_parameter_values_of_the_declaration_apply_to_callers()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var result = ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "PageWithDefaults");

        Assert.Equal(10, result);
        var run = tracker.Single();
        Assert.Equal("10", run.Params["size"]);
        Assert.Equal("None", run.Params["filter"]);
    }

    [Fact]
    public void Tracked_call_restores_the_previous_current_run_when_it_returns()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        ScenarioAssembly.CallStatic(Trainer, "Square", 2);

        Assert.Null(ActiveRun.Current);
        Assert.Equal(1, tracker.Single().DisposeCount);
    }
}
