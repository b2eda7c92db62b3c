// Shape: keys given twice in one run: two params, a param colliding with a flattened member, two metrics of the result.
using MLflow.Tracking;

namespace Corpus.Errors.DuplicateKeys;

public sealed record Options(int BatchSize, double Dropout);

public sealed record Scores([property: LogMetric("score")] double Accuracy, [property: LogMetric("score")] double F1);

public partial class Trainer
{
    [TrackedRun]
    public partial void Train([LogParam("lr")] double learningRate, [LogParam("lr")] double warmupRate); // expect: MLFLOW006

    [TrackedRun]
    public partial void Tune([LogParam] Options options, [LogParam("options.BatchSize")] int batch); // expect: MLFLOW006

    [TrackedRun]
    public partial Task<Scores> EvaluateAsync(); // expect: MLFLOW006

    private void TrainCore(double learningRate, double warmupRate)
    {
    }

    private void TuneCore(Options options, int batch)
    {
    }

    private Task<Scores> EvaluateAsyncCore() => Task.FromResult(new Scores(0.9, 0.8));
}
