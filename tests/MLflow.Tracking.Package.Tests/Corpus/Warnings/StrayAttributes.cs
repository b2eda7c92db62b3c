// Shape: [LogParam], [return: LogMetric] and [return: LogArtifact] on a method without [TrackedRun] (MLFLOW003).
using MLflow.Tracking;

namespace Corpus.Warnings.StrayAttributes;

public class Evaluator
{
    public double Evaluate([LogParam] int epochs) => epochs * 0.1; // expect: MLFLOW003

    [return: LogMetric("accuracy")] // expect: MLFLOW003
    public double Score() => 0.9;

    [return: LogArtifact("model.json")] // expect: MLFLOW003
    public string Export() => "{}";
}
