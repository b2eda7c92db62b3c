using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>The shared artifact suite, run against <see cref="TrackingProxy"/>.</summary>
public sealed class ProxyArtifactBehaviourTests : ArtifactBehaviourSuite
{
    protected override IArtifactBehaviourService CreateService(IRunTracker tracker) =>
        TrackingProxy.Create<IArtifactBehaviourService>(new ProxiedArtifactService(), tracker);
}
