// Shape: [TrackedRun] on an ordinary method with a body.
using MLflow.Tracking;

namespace Corpus.Generator.NotPartial;

public class Trainer
{
    [TrackedRun]
    public double Train([LogParam] int epochs) => epochs * 0.1; // expect: MLFLOW002
}
