using System;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests.Running;

public sealed class FailureTests
{
    private const string Trainer = "Scenarios.Trainer";

    [Fact]
    public void Exception_fails_the_run_and_reaches_the_caller_as_the_same_object_with_the_body_in_its_stack_trace()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var thrown = Assert.Throws<InvalidOperationException>(() => ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "Explode", "bad data"));

        Assert.Same(LastThrown(), thrown);
        Assert.Contains("ExplodeCore", thrown.StackTrace, StringComparison.Ordinal);
        var run = tracker.Single();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Same(thrown, run.Failure);
        Assert.Equal("bad data", run.Params["reason"]);
        Assert.Equal(1, run.DisposeCount);
        Assert.Null(ActiveRun.Current);
    }

    [Fact]
    public async Task Async_exception_fails_the_run_and_is_rethrown_unchanged()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => (Task)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "ExplodeAsync")!);

        Assert.Same(LastThrown(), thrown);
        Assert.Contains("ExplodeAsyncCore", thrown.StackTrace, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, tracker.Single().Status);
    }

    [Fact]
    public async Task Cancellation_ends_the_run_as_killed()
    {
        var tracker = new RecordingTracker();
        using var _ = MlflowTracking.UseTracker(tracker);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "TrainAsync", 0.1, cancellation.Token)!);

        var run = tracker.Single();
        Assert.Equal(RunStatus.Killed, run.Status);
        Assert.Empty(run.Metrics);
    }

    private static Exception? LastThrown() => (Exception?)ScenarioAssembly.Type(Trainer).GetProperty("LastThrown")!.GetValue(null);
}
