// Shape: [RunTag] keys MLflow reserves (mlflow.*): on a type and on a method.
using MLflow.Tracking;

namespace Corpus.Errors.ReservedTags;

[RunTag("mlflow.user", "someone-else")] // expect: MLFLOW009
public partial class Trainer
{
    [TrackedRun]
    [RunTag("mlflow.runName", "nightly")] // expect: MLFLOW009
    public partial void Train();

    private void TrainCore()
    {
    }
}
