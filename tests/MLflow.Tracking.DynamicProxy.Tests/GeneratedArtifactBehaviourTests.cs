using System;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>The shared artifact suite, run against the source generator's wrappers (tracker installed for the test's flow).</summary>
public sealed class GeneratedArtifactBehaviourTests : ArtifactBehaviourSuite, IDisposable
{
    private IDisposable? _installation;

    protected override IArtifactBehaviourService CreateService(IRunTracker tracker)
    {
        // Synchronous, so the flow-local tracker it installs stays visible to the calling test.
        _installation?.Dispose();
        _installation = MlflowTracking.UseTracker(tracker);
        return new GeneratedArtifactService();
    }

    public void Dispose() => _installation?.Dispose();
}
