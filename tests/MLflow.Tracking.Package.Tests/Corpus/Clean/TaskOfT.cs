// Shape: Task<T> with a CancellationToken, returning a record whose members are metrics.
using MLflow.Tracking;

namespace Corpus.Clean.TaskOfT;

public sealed record TrainingResult([property: LogMetric] double Accuracy, [property: LogMetric("f1")] double F1);

public partial class Trainer
{
    [TrackedRun(Experiment = "corpus", RunName = "train")]
    public partial Task<TrainingResult> TrainAsync([LogParam] double learningRate, [LogParam("epochs")] int epochCount, CancellationToken cancellationToken);

    private async Task<TrainingResult> TrainAsyncCore(double learningRate, int epochCount, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return new TrainingResult(0.9, 0.8);
    }
}
