// Shape: keys MLflow refuses: a '%' in a param key, a 251-character metric key, a '?' in a tag key, a '%' in a direct call.
using MLflow.Tracking;

namespace Corpus.Errors.InvalidKeys;

public sealed class Result
{
    [LogMetric("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")] // expect: MLFLOW005
    public double Accuracy { get; init; }
}

[RunTag("team?", "vision")] // expect: MLFLOW005
public partial class Trainer
{
    [TrackedRun]
    public partial Result Train([LogParam("lr%")] double learningRate); // expect: MLFLOW005

    private Result TrainCore(double learningRate)
    {
        ActiveRun.Current?.LogMetric("loss%", 0.25); // expect: MLFLOW005
        return new Result { Accuracy = learningRate };
    }
}
