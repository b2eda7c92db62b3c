// Shape: experiment and run names MLflow refuses: empty, whitespace, a run name over 250 characters.
using MLflow.Tracking;

namespace Corpus.Errors.RunNaming;

public partial class Trainer
{
    [TrackedRun(Experiment = "")] // expect: MLFLOW008
    public partial void Train();

    [TrackedRun(Experiment = "   ")] // expect: MLFLOW008
    public partial void Tune();

    [TrackedRun(RunName = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr")] // expect: MLFLOW008
    public partial void Evaluate();

    private void TrainCore()
    {
    }

    private void TuneCore()
    {
    }

    private void EvaluateCore()
    {
    }
}
