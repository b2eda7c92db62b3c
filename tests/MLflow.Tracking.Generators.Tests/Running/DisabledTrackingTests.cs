using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.Generators.Tests.Infrastructure;

namespace MLflow.Tracking.Generators.Tests.Running;

public sealed class DisabledTrackingTests
{
    private const string Trainer = "Scenarios.Trainer";

    [Fact]
    public void Disabled_tracker_starts_no_run_and_the_body_sees_no_current_run()
    {
        var tracker = new RecordingTracker(enabled: false);
        using var _ = MlflowTracking.UseTracker(tracker);
        var trainer = ScenarioAssembly.Create(Trainer);

        ScenarioAssembly.Call(trainer, "Train", 0.1, 2, null, "carol", CancellationToken.None);

        Assert.Equal(0, tracker.StartCount);
        Assert.Equal(new[] { "train:untracked" }, (List<string>)ScenarioAssembly.Call(trainer, "get_Calls")!);
    }

    [Fact]
    public async Task Disabled_tracker_async_method_returns_the_body_result()
    {
        var tracker = new RecordingTracker(enabled: false);
        using var _ = MlflowTracking.UseTracker(tracker);

        var rows = await (ValueTask<long>)ScenarioAssembly.Call(ScenarioAssembly.Create(Trainer), "CountAsync", "abc")!;

        Assert.Equal(3L, rows);
        Assert.Equal(0, tracker.StartCount);
    }
}
