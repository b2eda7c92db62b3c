using System.Threading.Tasks;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>The artifact suite's service as a user of the source generator writes it (bodies in <c>*Core</c>).</summary>
public partial class GeneratedArtifactService : IArtifactBehaviourService
{
    [TrackedRun(Experiment = "artifacts")]
    public partial string Train(string modelFile);

    [TrackedRun(Experiment = "artifacts")]
    public partial Task<int> CheckpointAsync(string directory, Task gate);

    [TrackedRun(Experiment = "artifacts")]
    public partial string Careless(string missingFile);

    private static string TrainCore(string modelFile) => ArtifactBodies.Train(modelFile);

    private static async Task<int> CheckpointAsyncCore(string directory, Task gate)
    {
        await gate;
        return ArtifactBodies.Checkpoint(directory);
    }

    private static string CarelessCore(string missingFile) => ArtifactBodies.Careless(missingFile);
}
