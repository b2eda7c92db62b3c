// Shape: [LogMetric] on text: a return value and a property of the returned record.
using MLflow.Tracking;

namespace Corpus.Errors.NonNumericMetrics;

public sealed record Prediction([property: LogMetric] double Confidence, [property: LogMetric] string Label); // expect: MLFLOW004

public partial class Classifier
{
    [TrackedRun]
    [return: LogMetric("label")] // expect: MLFLOW004
    public partial string Classify([LogParam] int imageId);

    [TrackedRun]
    public partial Prediction Predict([LogParam] int imageId);

    private string ClassifyCore(int imageId) => "cat";

    private Prediction PredictCore(int imageId) => new(0.9, "cat");
}
