// Shape: the most likely first mistake: a tracked method with no <Name>Core.
using MLflow.Tracking;

namespace Corpus.Generator.MissingCore;

public partial class Trainer
{
    [TrackedRun]
    public partial double Train([LogParam] int epochs); // expect: MLFLOW007, CS8795?
}
