// Shape: a Core whose return type differs from the tracked method's.
using MLflow.Tracking;

namespace Corpus.Generator.CoreMismatch;

public partial class Trainer
{
    [TrackedRun]
    public partial Task<double> TrainAsync([LogParam] int epochs); // expect: MLFLOW007, CS8795?

    private Task<float> TrainAsyncCore(int epochs) => Task.FromResult(0.5f);
}
