using System;
using System.Linq;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests.Running;

/// <summary>Shapes whose names or attributes once tripped the generated code, run against a recording tracker.</summary>
public sealed class AwkwardShapeTests
{
    private const string Awkward = "Scenarios.Awkward";

    [Fact]
    public void Parameters_named_like_the_generated_locals_are_logged_with_their_own_values()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var result = ScenarioAssembly.Call(ScenarioAssembly.Create(Awkward), "Clash", 3, 4, null);

        Assert.Equal(7, result);
        var run = tracker.Single();
        Assert.Equal(new[] { "__run", "__tracker", "__p0" }, run.ParamKeys);
        Assert.Equal("3", run.Params["__run"]);
        Assert.Equal("4", run.Params["__tracker"]);
        Assert.Equal("None", run.Params["__p0"]);
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public void A_parameter_named_like_the_Core_does_not_capture_the_call()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var result = ScenarioAssembly.Call(ScenarioAssembly.Create(Awkward), "Apply", new Func<int, int>(x => x * 10), 2);

        Assert.Equal(21, result);
        Assert.Equal("2", tracker.Single().Params["x"]);
    }

    [Fact]
    public void Overloads_get_their_own_run_definitions()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        var awkward = ScenarioAssembly.Create(Awkward);

        var byInt = awkward.GetType().GetMethod("Over", new[] { typeof(int) })!.Invoke(awkward, new object[] { 1 });
        var byDouble = awkward.GetType().GetMethod("Over", new[] { typeof(double) })!.Invoke(awkward, new object[] { 1.5 });

        Assert.Equal("int", byInt);
        Assert.Equal("double", byDouble);
        Assert.Equal(new[] { "int", "double" }, tracker.Runs.Select(r => r.Definition.RunName));
    }

    [Fact]
    public void DoesNotReturn_method_fails_its_run_with_the_Core_exception()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var thrown = Assert.Throws<InvalidOperationException>(() => ScenarioAssembly.Call(ScenarioAssembly.Create(Awkward), "Fail", "stop"));

        Assert.Equal("stop", thrown.Message);
        var run = tracker.Single();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("stop", run.Params["reason"]);
    }
}
