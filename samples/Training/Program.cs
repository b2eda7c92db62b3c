using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking;
using Training;

// The main job: train a logistic regression on a small shipped data set, tracked with attributes and no
// configuration. Runs go where MLflow's own client would put them: MLFLOW_TRACKING_URI, else ./mlflow.db.
var data = Dataset.Load(Path.Combine(AppContext.BaseDirectory, "Data", "points.csv"));
var options = new TrainingOptions();
var (train, test) = data.Split(options.TestFraction);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MLflow.Tracking Training sample: {train.Count} training rows, {test.Count} test rows."));

var trackingEnabled = IsTrackingEnabled();
Console.WriteLine(trackingEnabled
    ? "Tracking to MLflow (experiment \"training\")."
    : "Tracking is disabled: training runs untracked.");

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var trainer = new Trainer(new ConsoleProgress());
TrainingResult trained;
try
{
    trained = trainer.Train(learningRate: 0.1, epochs: 60, options, train, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Cancelled: the run is recorded as KILLED.");
    await FlushAsync();
    return 0;
}

var evaluation = trainer.Evaluate(trained.Model, test.Count, test);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"train accuracy {trained.TrainAccuracy:P1}, final loss {trained.FinalLoss:F4}; test accuracy {evaluation.Accuracy:P1}, test loss {evaluation.Loss:F4}"));
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"model: w = [{trained.Model.Weights[0]:F3}, {trained.Model.Weights[1]:F3}], b = {trained.Model.Bias:F3}"));

await FlushAsync();
if (!trackingEnabled)
{
    Console.WriteLine(TrackingHint.Disabled);
}
else if (trainer.LastTrainingRun is { } run)
{
    try
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Console.WriteLine("Training run id: " + await run.GetRunIdAsync(timeout.Token));
        Console.WriteLine(TrackingHint.For(MlflowOptions.FromEnvironment().TrackingUri));
    }
    catch (MlflowException exception)
    {
        Console.WriteLine("The run could not be created, so there is nothing to see: " + exception.Message);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("The run was not created within 10 s (is the tracking server reachable?), so there is nothing to see yet.");
    }
}

return 0;

static bool IsTrackingEnabled()
{
    try
    {
        return MlflowTracking.Tracker.IsEnabled;
    }
    catch (Exception exception) when (exception is MlflowException or InvalidOperationException or IOException)
    {
        Console.WriteLine("Tracking could not start: " + exception.Message);
        return false;
    }
}

static async Task FlushAsync()
{
    try
    {
        await MlflowTracking.FlushAsync();
    }
    catch (Exception exception) when (exception is MlflowException or OperationCanceledException or IOException)
    {
        Console.WriteLine("Some tracking data could not be delivered: " + exception.Message);
    }
}
