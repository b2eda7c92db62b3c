using System;
using System.Threading;
using System.Threading.Tasks;
using MLflow.Tracking.TestSupport.Behaviour;

namespace MLflow.Tracking.DynamicProxy.Tests;

/// <summary>
/// The behaviour suite's service as a user of the source generator writes it: the same attributes as
/// <see cref="ProxiedBehaviourService"/>, on partial methods whose bodies are the <c>*Core</c> methods.
/// </summary>
[RunTag("team", "vision")]
public partial class GeneratedBehaviourService : ITrackedBehaviourService
{
    [TrackedRun(Experiment = "training", RunName = "score-run")]
    [RunTag("stage", "eval")]
    [return: LogMetric("score")]
    public partial double Score([LogParam] double learningRate, [LogParam("epochs")] int epochCount);

    [TrackedRun]
    public partial void Configure([LogParam] TrainingOptions options);

    [TrackedRun]
    public partial Task WaitAsync(Task gate);

    [TrackedRun(Experiment = "training")]
    public partial Task<TrainingResult> TrainAsync([LogParam] double learningRate, Task gate, CancellationToken cancellationToken);

    [TrackedRun]
    public partial ValueTask WaitValueAsync(Task gate);

    [TrackedRun]
    [return: LogMetric("count")]
    public partial ValueTask<int> CountAsync(Task gate, [LogParam] int count);

    [TrackedRun]
    public partial void Throw(string message);

    [TrackedRun]
    public partial Task ThrowAsync(string message, Task gate);

    [TrackedRun]
    public partial ValueTask<int> ThrowValueAsync(string message, Task gate);

    [TrackedRun]
    public partial double Pipeline(Func<double> step);

    [TrackedRun]
    public partial Task<double> PipelineAsync(Func<Task<double>> step);

    [TrackedRun]
    public partial void SignIn([LogParam(Redact = ParamRedaction.Hash)] string userId, [LogParam(Redact = ParamRedaction.Length)] string apiKey, [LogParam] string? region);

    [TrackedRun(RunName = "probe")]
    public partial string? CurrentRunName();

    [TrackedRun]
    public partial int Inspect([LogParam] ProbeOptions options, [LogParam] Task<int> pending, [LogParam] Lazy<int> later, [LogParam] float ratio, [LogParam] DateOnly day);

    [TrackedRun]
    [return: LogArtifact("model.json")]
    public partial string? Export([LogParam] string name);

    [TrackedRun]
    public partial Task<ExportedModel> ExportAsync(byte[] weights);

    /// <summary>No attributes: never a run.</summary>
    public int Untracked(int value) => value + 1;

    private static string? ExportCore(string name) => name.Length == 0 ? null : "{\"name\":\"" + name + "\"}";

    private static async Task<ExportedModel> ExportAsyncCore(byte[] weights)
    {
        await Task.Yield();
        return new ExportedModel(weights);
    }

    private static int InspectCore(ProbeOptions options, Task<int> pending, Lazy<int> later, float ratio, DateOnly day) => options.Epochs;

    private static double ScoreCore(double learningRate, int epochCount) => learningRate * epochCount;

    private static void ConfigureCore(TrainingOptions options)
    {
    }

    private static async Task WaitAsyncCore(Task gate) => await gate;

    private static async Task<TrainingResult> TrainAsyncCore(double learningRate, Task gate, CancellationToken cancellationToken)
    {
        await gate;
        cancellationToken.ThrowIfCancellationRequested();
        return new TrainingResult(learningRate, learningRate / 2, "notes");
    }

    private static async ValueTask WaitValueAsyncCore(Task gate) => await gate;

    private static async ValueTask<int> CountAsyncCore(Task gate, int count)
    {
        await gate;
        return count;
    }

    private static void ThrowCore(string message) => throw new InvalidOperationException(message);

    private static async Task ThrowAsyncCore(string message, Task gate)
    {
        await gate;
        throw new InvalidOperationException(message);
    }

    private static async ValueTask<int> ThrowValueAsyncCore(string message, Task gate)
    {
        await gate;
        throw new InvalidOperationException(message);
    }

    private static double PipelineCore(Func<double> step) => step();

    private static async Task<double> PipelineAsyncCore(Func<Task<double>> step) => await step();

    private static void SignInCore(string userId, string apiKey, string? region)
    {
    }

    private static string? CurrentRunNameCore() => ActiveRun.Current?.RunName;
}
