// Shape: direct logging calls with ML keys and values inside a tracked method's Core.
using MLflow.Tracking;

namespace Corpus.Clean.MlLookalikeDirectCalls;

public partial class Trainer
{
    [TrackedRun]
    public partial void Train(int maxTokens, string tokenizer);

    private void TrainCore(int maxTokens, string tokenizer)
    {
        ActiveRun.Current?.LogParam("max_tokens", maxTokens);
        ActiveRun.Current?.SetTag("tokenizer", tokenizer);
        ActiveRun.Current?.LogMetric("loss", 0.5, step: 1);
        ActiveRun.Current?.SetTag("author", "ml-team");
    }
}
