using System.Threading.Tasks;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>The artifact suite's service with its attributes on the implementation (as a user of the proxy writes it).</summary>
public class ProxiedArtifactService : IArtifactBehaviourService
{
    [TrackedRun(Experiment = "artifacts")]
    public string Train(string modelFile) => ArtifactBodies.Train(modelFile);

    [TrackedRun(Experiment = "artifacts")]
    public async Task<int> CheckpointAsync(string directory, Task gate)
    {
        await gate;
        return ArtifactBodies.Checkpoint(directory);
    }

    [TrackedRun(Experiment = "artifacts")]
    public string Careless(string missingFile) => ArtifactBodies.Careless(missingFile);
}
