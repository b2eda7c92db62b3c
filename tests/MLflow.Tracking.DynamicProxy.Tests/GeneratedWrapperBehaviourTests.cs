using System;
using MLflow.Tracking.TestSupport;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>
/// The shared behaviour suite, run against the source generator's wrappers: the recording tracker is installed for
/// the test's async flow, which is how generated code finds its tracker (<see cref="MlflowTracking.Tracker"/>).
/// </summary>
public sealed class GeneratedWrapperBehaviourTests : TrackedBehaviourSuite, IDisposable
{
    private IDisposable? _installation;

    protected override string ImplementationTypeName => typeof(GeneratedBehaviourService).FullName!;

    protected override ITrackedBehaviourService CreateService(RecordingRunTracker tracker)
    {
        // CreateService is synchronous, so the flow-local tracker it installs stays visible to the calling test.
        _installation?.Dispose();
        _installation = MlflowTracking.UseTracker(tracker);
        return new GeneratedBehaviourService();
    }

    public void Dispose() => _installation?.Dispose();
}
