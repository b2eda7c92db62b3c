using System;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>The behaviour suite's service with its attributes on the implementation (as a user of the proxy writes it).</summary>
[RunTag("team", "vision")]
public class ProxiedBehaviourService : ITrackedBehaviourService
{
    [TrackedRun(Experiment = "training", RunName = "score-run")]
    [RunTag("stage", "eval")]
    [return: LogMetric("score")]
    public double Score([LogParam] double learningRate, [LogParam("epochs")] int epochCount) => learningRate * epochCount;

    [TrackedRun]
    public void Configure([LogParam] TrainingOptions options)
    {
    }

    [TrackedRun]
    public async Task WaitAsync(Task gate) => await gate;

    [TrackedRun(Experiment = "training")]
    public async Task<TrainingResult> TrainAsync([LogParam] double learningRate, Task gate, CancellationToken cancellationToken)
    {
        await gate;
        cancellationToken.ThrowIfCancellationRequested();
        return new TrainingResult(learningRate, learningRate / 2, "notes");
    }

    [TrackedRun]
    public async ValueTask WaitValueAsync(Task gate) => await gate;

    [TrackedRun]
    [return: LogMetric("count")]
    public async ValueTask<int> CountAsync(Task gate, [LogParam] int count)
    {
        await gate;
        return count;
    }

    [TrackedRun]
    public void Throw(string message) => throw new InvalidOperationException(message);

    [TrackedRun]
    public async Task ThrowAsync(string message, Task gate)
    {
        await gate;
        throw new InvalidOperationException(message);
    }

    [TrackedRun]
    public async ValueTask<int> ThrowValueAsync(string message, Task gate)
    {
        await gate;
        throw new InvalidOperationException(message);
    }

    [TrackedRun]
    public double Pipeline(Func<double> step) => step();

    [TrackedRun]
    public async Task<double> PipelineAsync(Func<Task<double>> step) => await step();

    [TrackedRun]
    public void SignIn([LogParam(Redact = ParamRedaction.Hash)] string userId, [LogParam(Redact = ParamRedaction.Length)] string apiKey, [LogParam] string? region)
    {
    }

    [TrackedRun(RunName = "probe")]
    public string? CurrentRunName() => ActiveRun.Current?.RunName;

    [TrackedRun]
    public int Inspect([LogParam] ProbeOptions options, [LogParam] Task<int> pending, [LogParam] Lazy<int> later, [LogParam] float ratio, [LogParam] DateOnly day) => options.Epochs;

    public int Untracked(int value) => value + 1;

    [TrackedRun]
    [return: LogArtifact("model.json")]
    public string? Export([LogParam] string name) => name.Length == 0 ? null : "{\"name\":\"" + name + "\"}";

    [TrackedRun]
    public async Task<ExportedModel> ExportAsync(byte[] weights)
    {
        await Task.Yield();
        return new ExportedModel(weights);
    }
}
