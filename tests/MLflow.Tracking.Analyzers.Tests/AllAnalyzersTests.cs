using System.Threading.Tasks;

namespace MLflow.Tracking.Analyzers.Tests;

/// <summary>Every analyzer, after the generator, over the design's own example: a correct tracked class reports nothing.</summary>
public class AllAnalyzersTests
{
    [Fact]
    public Task Design_example_reports_no_diagnostics() => BuildVerifier.VerifyAsync("""
        public sealed class TrainingOptions
        {
            public int BatchSize { get; set; } = 32;
            public double Dropout { get; set; } = 0.1;
            public string Optimizer { get; set; } = "adam";
            public int MaxTokens { get; set; } = 512;
        }

        public sealed record TrainingResult([property: LogMetric] double Accuracy, [property: LogMetric("f1")] double F1);

        [RunTag("team", "vision")]
        public partial class Trainer
        {
            [TrackedRun(Experiment = "training", RunName = "train")]
            public partial Task<TrainingResult> TrainAsync(
                [LogParam] double learningRate,
                [LogParam("epochs")] int epochCount,
                [LogParam] TrainingOptions options,
                [LogParam(Redact = ParamRedaction.Hash)] string userId,
                CancellationToken cancellationToken);

            private async Task<TrainingResult> TrainAsyncCore(double learningRate, int epochCount, TrainingOptions options, string userId, CancellationToken cancellationToken)
            {
                await Task.Yield();
                ActiveRun.Current?.LogMetric("loss", 0.5, step: 1);
                ActiveRun.Current?.SetTag("tokenizer", "bpe");
                return new TrainingResult(0.9, 0.8);
            }

            [TrackedRun]
            [return: LogMetric("score")]
            public partial double Evaluate([LogParam] int keyDim);

            private double EvaluateCore(int keyDim) => keyDim;
        }
        """);
}
