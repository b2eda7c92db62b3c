using System;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.Testing.Tests;

/// <summary>
/// How an application's tests use <see cref="MlflowFake"/> with xUnit: one fake per test (the class is created per
/// test), installed for that test's async flow only, so tests run in parallel without seeing each other's runs.
/// </summary>
public sealed class ExampleTrainerTests : IDisposable
{
    private readonly MlflowFake _mlflow = new();

    [Fact]
    public async Task Training_logs_its_params_and_per_epoch_metrics()
    {
        var trainer = new Trainer();

        var accuracy = await trainer.TrainAsync(learningRate: 0.01, epochs: 3, CancellationToken.None);

        Assert.Equal(0.9, accuracy);
        _mlflow.AssertRunStarted(experiment: "training", runName: "train");
        _mlflow.AssertParamLogged("learningRate", "0.01");
        _mlflow.AssertParamLogged("epochs", "3");
        _mlflow.AssertMetricLogged("loss", step: 2);
        _mlflow.AssertMetricLogged("accuracy", 0.9);
        _mlflow.AssertRunTerminated(RunStatus.Finished);
    }

    [Fact]
    public async Task Cancelled_training_is_recorded_KILLED()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Trainer().TrainAsync(0.01, 3, cancelled.Token));

        _mlflow.AssertRunTerminated(RunStatus.Killed);
    }

    public void Dispose() => _mlflow.Dispose();

    /// <summary>Stands in for a class whose wrapper the generator writes; the wrapper is written out by hand here.</summary>
    private sealed class Trainer
    {
        private static readonly TrackedRunDefinition Definition = new("training", "train", "Example.Trainer.Train", new[] { new Tag("team", "vision") });

        public async Task<double> TrainAsync(double learningRate, int epochs, CancellationToken cancellationToken)
        {
            var tracker = MlflowTracking.Tracker;
            if (!tracker.IsEnabled)
            {
                return await TrainCoreAsync(epochs, cancellationToken);
            }

            var run = tracker.StartRun(Definition);
            try
            {
                run.LogParam("learningRate", learningRate);
                run.LogParam("epochs", epochs);
                var result = await TrainCoreAsync(epochs, cancellationToken);
                run.LogMetric("accuracy", result);
                run.Complete();
                return result;
            }
            catch (Exception ex) when (run.Fail(ex))
            {
                throw;
            }
            finally
            {
                run.Dispose();
            }
        }

        private static async Task<double> TrainCoreAsync(int epochs, CancellationToken cancellationToken)
        {
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                ActiveRun.Current?.LogMetric("loss", 1.0 / (epoch + 1), step: epoch);
            }

            return 0.9;
        }
    }
}
