using MLflow.Tracking.TestSupport;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>The shared behaviour suite, run against <see cref="TrackingProxy"/>.</summary>
public sealed class ProxyBehaviourTests : TrackedBehaviourSuite
{
    protected override string ImplementationTypeName => typeof(ProxiedBehaviourService).FullName!;

    protected override ITrackedBehaviourService CreateService(RecordingRunTracker tracker) =>
        TrackingProxy.Create<ITrackedBehaviourService>(new ProxiedBehaviourService(), tracker);
}
