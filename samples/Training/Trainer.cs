using System;
using System.Text.Json.Nodes;
using System.Threading;
using MLflow.Tracking;

namespace Training;

/// <summary>
/// The tracked steps of the job. The generator implements each [TrackedRun] partial method: every call is an MLflow
/// run with the [LogParam] params, the [LogMetric] results and FINISHED / FAILED / KILLED at the end.
/// </summary>
[RunTag("model", "logistic-regression")]
internal sealed partial class Trainer
{
    private readonly IProgress<(int Epoch, int Epochs, double Loss)> _progress;

    public Trainer(IProgress<(int Epoch, int Epochs, double Loss)> progress) => _progress = progress;

    /// <summary>The run of the last Train call (null when tracking is disabled).</summary>
    public ActiveRun? LastTrainingRun { get; private set; }

    [TrackedRun(Experiment = "training", RunName = "train")]
    public partial TrainingResult Train(
        [LogParam("learning_rate")] double learningRate,
        [LogParam] int epochs,
        [LogParam] TrainingOptions options,
        Dataset data,
        CancellationToken cancellationToken);

    [TrackedRun(Experiment = "training", RunName = "evaluate")]
    public partial EvaluationResult Evaluate(LogisticRegression model, [LogParam("test_rows")] int rows, Dataset data);

    private TrainingResult TrainCore(double learningRate, int epochs, TrainingOptions options, Dataset data, CancellationToken cancellationToken)
    {
        LastTrainingRun = ActiveRun.Current;

        // The data set trained on, as the run's "training" input (mlflow ui: the run's Datasets column).
        ActiveRun.Current?.LogInput(data.Describe("points-train", "Data/points.csv"), "training");
        var model = new LogisticRegression(data.Features[0].Length);
        var random = new Random(options.Seed);
        var order = new int[data.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var loss = model.Loss(data, options.L2);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            model.Epoch(data, order, learningRate, options.BatchSize, options.L2);
            loss = model.Loss(data, options.L2);

            // Per-epoch metrics go to the run of this call (a no-op when tracking is disabled).
            ActiveRun.Current?.LogMetric("loss", loss, step: epoch);
            _progress.Report((epoch, epochs, loss));
        }

        // The trained model as a JSON artifact (mlflow ui: the run's Artifacts tab, model/weights.json). The JSON is
        // captured now; the upload happens in the background before the run ends.
        ActiveRun.Current?.LogDict(
            new JsonObject { ["weights"] = new JsonArray(Array.ConvertAll(model.Weights, w => (JsonNode?)w)), ["bias"] = model.Bias },
            "model/weights.json");

        return new TrainingResult(model, model.Accuracy(data), loss);
    }

    private EvaluationResult EvaluateCore(LogisticRegression model, int rows, Dataset data) =>
        new(model.Accuracy(data), model.Loss(data, l2: 0));
}
