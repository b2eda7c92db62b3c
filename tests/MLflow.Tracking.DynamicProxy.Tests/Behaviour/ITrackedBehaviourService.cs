using System;
using System.Threading;
using System.Threading.Tasks;

namespace MLflow.Tracking.TestSupport.Behaviour;

/// <summary>
/// The service the shared behaviour suite drives: one method per shape a tracked method can have. Implementations
/// carry the MLflow attributes described on each member (DynamicProxy: on the class; generator: on the partial
/// methods), so the same suite checks both tracking paths.
/// </summary>
public interface ITrackedBehaviourService
{
    /// <summary>[TrackedRun(Experiment = "training", RunName = "score-run")], [RunTag("stage", "eval")], [return: LogMetric("score")]; [LogParam] learningRate, [LogParam("epochs")] epochCount. Returns learningRate * epochCount.</summary>
    double Score(double learningRate, int epochCount);

    /// <summary>[TrackedRun]; [LogParam] options (flattened).</summary>
    void Configure(TrainingOptions options);

    /// <summary>[TrackedRun]; awaits <paramref name="gate"/>.</summary>
    Task WaitAsync(Task gate);

    /// <summary>[TrackedRun(Experiment = "training")]; [LogParam] learningRate; awaits <paramref name="gate"/>, honours <paramref name="cancellationToken"/>, returns accuracy = learningRate, F1 = learningRate / 2.</summary>
    Task<TrainingResult> TrainAsync(double learningRate, Task gate, CancellationToken cancellationToken);

    /// <summary>[TrackedRun]; awaits <paramref name="gate"/>.</summary>
    ValueTask WaitValueAsync(Task gate);

    /// <summary>[TrackedRun], [return: LogMetric("count")]; [LogParam] count; awaits <paramref name="gate"/>, returns <paramref name="count"/>.</summary>
    ValueTask<int> CountAsync(Task gate, int count);

    /// <summary>[TrackedRun]; throws <see cref="InvalidOperationException"/> with <paramref name="message"/>.</summary>
    void Throw(string message);

    /// <summary>[TrackedRun]; awaits <paramref name="gate"/>, then throws <see cref="InvalidOperationException"/>.</summary>
    Task ThrowAsync(string message, Task gate);

    /// <summary>[TrackedRun]; awaits <paramref name="gate"/>, then throws <see cref="InvalidOperationException"/>.</summary>
    ValueTask<int> ThrowValueAsync(string message, Task gate);

    /// <summary>[TrackedRun]; returns <paramref name="step"/>().</summary>
    double Pipeline(Func<double> step);

    /// <summary>[TrackedRun]; returns await <paramref name="step"/>().</summary>
    Task<double> PipelineAsync(Func<Task<double>> step);

    /// <summary>[TrackedRun]; [LogParam(Redact = ParamRedaction.Hash)] userId, [LogParam(Redact = ParamRedaction.Length)] apiKey, [LogParam] region.</summary>
    void SignIn(string userId, string apiKey, string? region);

    /// <summary>[TrackedRun(RunName = "probe")]; returns <see cref="ActiveRun.Current"/>'s run name as seen by the body.</summary>
    string? CurrentRunName();

    /// <summary>[TrackedRun]; [LogParam] options, pending, later, ratio, day. Returns options.Epochs.</summary>
    int Inspect(ProbeOptions options, Task<int> pending, Lazy<int> later, float ratio, DateOnly day);

    /// <summary>[TrackedRun], [return: LogArtifact("model.json")]; [LogParam] name. Returns {"name":"<paramref name="name"/>"}, or null for an empty name.</summary>
    string? Export(string name);

    /// <summary>[TrackedRun]; returns an <see cref="ExportedModel"/> with <paramref name="weights"/>, awaited.</summary>
    Task<ExportedModel> ExportAsync(byte[] weights);

    /// <summary>No attributes: never a run.</summary>
    int Untracked(int value);
}

/// <summary>A [LogParam] object whose reading must not fail, block or change the call.</summary>
public sealed class ProbeOptions
{
    /// <summary>Logged as options.Epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Throws: costs options.Throwing, never the call.</summary>
    public int Throwing => throw new InvalidOperationException("getter failed");

    /// <summary>Never read (reading Value would run the factory).</summary>
    public Lazy<int> Later { get; init; } = new(() => 1);

    /// <summary>Never read (reading Result would block).</summary>
    public Task<int> Pending { get; init; } = Task.FromResult(1);

    /// <summary>Logged as options.Ratio = 0.1 (a float formatted as a float).</summary>
    public float Ratio { get; init; } = 0.1f;
}

/// <summary>A [LogParam] object: flattened into options.BatchSize, options.Optimizer, options.Dropout.</summary>
public sealed class TrainingOptions
{
    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; }

    /// <summary>Optimizer name.</summary>
    public string? Optimizer { get; init; }

    /// <summary>Dropout rate.</summary>
    public double Dropout { get; init; }
}

/// <summary>A result whose members are metrics.</summary>
/// <param name="Accuracy">Logged as "Accuracy".</param>
/// <param name="F1">Logged as "f1".</param>
/// <param name="Notes">Not a metric.</param>
public sealed record TrainingResult([property: LogMetric] double Accuracy, [property: LogMetric("f1")] double F1, string Notes);

/// <summary>A result whose members are artifacts: weights.bin (bytes), card.md (text; its getter computes it).</summary>
public sealed record ExportedModel([property: LogArtifact("model/weights.bin")] byte[] Weights)
{
    /// <summary>Logged as model/card.md.</summary>
    [LogArtifact("model/card.md")]
    public string Card => "weights: " + Weights.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
