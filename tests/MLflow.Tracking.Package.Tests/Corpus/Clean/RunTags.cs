// Shape: constant [RunTag]s on a type and a method, including mlflow.note.content (the one reserved key MLflow lets users set).
using MLflow.Tracking;

namespace Corpus.Clean.RunTags;

[RunTag("team", "vision")]
[RunTag("mlflow.note.content", "Nightly retraining.")]
public partial class Retrainer
{
    [TrackedRun(RunName = "nightly")]
    [RunTag("schedule", "daily")]
    public partial void Retrain();

    private void RetrainCore()
    {
    }
}
