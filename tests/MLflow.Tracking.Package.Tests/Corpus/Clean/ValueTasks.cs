// Shape: ValueTask and ValueTask<T> tracked methods.
using MLflow.Tracking;

namespace Corpus.Clean.ValueTasks;

public partial class Evaluator
{
    [TrackedRun]
    [return: LogMetric("score")]
    public partial ValueTask<double> ScoreAsync([LogParam] int batch);

    [TrackedRun]
    public partial ValueTask WarmUpAsync([LogParam] int steps);

    private ValueTask<double> ScoreAsyncCore(int batch) => new(batch * 0.5);

    private ValueTask WarmUpAsyncCore(int steps) => ValueTask.CompletedTask;
}
