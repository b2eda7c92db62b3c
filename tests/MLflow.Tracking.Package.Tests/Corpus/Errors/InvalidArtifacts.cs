// Shape: [LogArtifact] values that would never be logged: an unsupported type, paths the runtime refuses, two artifacts under one path.
using MLflow.Tracking;

namespace Corpus.Errors.InvalidArtifacts;

public sealed record Model(
    [property: LogArtifact("model/weights.bin")] byte[] Weights,
    [property: LogArtifact("model/weights.bin")] string Card,
    [property: LogArtifact("../escape.txt")] string Escape); // expect: MLFLOW011

public partial class Trainer
{
    [TrackedRun]
    [return: LogArtifact("score.json")] // expect: MLFLOW011
    public partial double Score();

    [TrackedRun]
    [return: LogArtifact("/etc/model.json")] // expect: MLFLOW011
    public partial Task<string> ExportAsync();

    [TrackedRun]
    public partial Model Train(); // expect: MLFLOW011

    private double ScoreCore() => 0.9;

    private Task<string> ExportAsyncCore() => Task.FromResult("{}");

    private Model TrainCore() => new([1], "card", "x");
}
