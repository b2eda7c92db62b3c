using MLflow.Tracking;

namespace Training;

/// <summary>Training settings; a [LogParam] of this type is flattened into options.* params.</summary>
internal sealed class TrainingOptions
{
    [LogParam("batch_size")]
    public int BatchSize { get; init; } = 32;

    public double L2 { get; init; } = 0.001;

    public int Seed { get; init; } = 7;

    public double TestFraction { get; init; } = 0.25;
}

/// <summary>What training produced; the [LogMetric] members become metrics of the run.</summary>
internal sealed record TrainingResult(
    LogisticRegression Model,
    [property: LogMetric("train_accuracy")] double TrainAccuracy,
    [property: LogMetric("final_loss")] double FinalLoss);

/// <summary>Held-out scores, logged as metrics of the evaluation run.</summary>
internal sealed record EvaluationResult(
    [property: LogMetric("test_accuracy")] double Accuracy,
    [property: LogMetric("test_loss")] double Loss);
